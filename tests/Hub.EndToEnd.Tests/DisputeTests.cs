using System.Net;
using Hub.Story;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>A buyer disputes a delivered order instead of confirming receipt; an operator of the buyer's hub decides.</summary>
[Collection(TwoHubsCollection.Name)]
public sealed class DisputeTests(TwoHubs hubs, ITestOutputHelper output) : StoryTest(hubs, output)
{
    [Fact]
    public Task DeliveredOrder_DisputedAndRefunded_BuyerRepaidInFull_SupplierUnpaid() => RunAsync(async ct =>
    {
        const long funded = 5_000_000;
        var cast = Cast("cn-buyer-disputes", "kr-supplier-disputed");
        var cn = await Books.OpenAsync(Hubs.Cn, CnOperator);
        var kr = await Books.OpenAsync(Hubs.Kr, KrOperator);
        var story = Story(cast);
        var product = await story.ListProductAsync(stock: 100, ct);
        await story.FundBuyerAsync(funded, ct);
        await story.FindAsync(product, ct);
        var cart = CrossBorderStory.Cart(product, 20, await story.CheckoutAsync(CrossBorderStory.Cart(product, 20), ct));
        var placed = await story.PlaceAsync(cart, $"disputed-{Guid.NewGuid():N}", ct);
        var watcher = await story.FollowToDeliveryAsync(placed.OrderId, product, ct);

        // CN's operators let disputes be escalated at once for this scenario (a dispute keeps the period it was opened under).
        var terms = await cn.GetAsync("/api/payment/terms");
        object Terms(int negotiationDays) => new
        {
            fxMarginBps = terms["fxMarginBps"]!.GetValue<int>(), platformFeeBps = terms["platformFeeBps"]!.GetValue<int>(),
            quoteLockSeconds = terms["quoteLockSeconds"]!.GetValue<int>(), autoReleaseDays = terms["autoReleaseDays"]!.GetValue<int>(),
            disputeNegotiationDays = negotiationDays,
        };
        await cn.PutAsync("/api/payment/terms", Terms(0));
        try
        {
            var disputed = await story.DisputeAsync(placed.OrderId, "Half the cartons arrived crushed", ct);
            disputed["status"]!.GetValue<string>().ShouldBe("Disputed");
        }
        finally
        {
            await cn.PutAsync("/api/payment/terms", Terms(terms["disputeNegotiationDays"]!.GetValue<int>()));
        }

        var buyer = await Hubs.Cn.SignInAsync(cast.Buyer, ct);
        var receipt = await Should.ThrowAsync<GatewayException>(() => Hubs.Cn.PostAsync(buyer, $"/api/order/orders/{placed.OrderId}/receipt", null, ct));
        receipt.Status.ShouldBe(HttpStatusCode.Conflict, "a disputed order's escrow waits for the decision, not for the receipt");
        (await cn.GetAsync($"/api/payment/escrows/{placed.OrderId}/dispute"))["status"]!.GetValue<string>().ShouldBe("Negotiating");

        await story.DecideDisputeAsync(placed.OrderId, "refund", null, ct);
        var refunded = await watcher.WaitForStatusAsync(placed.OrderId, story.StepTimeout, ct, "Refunded");

        OrderWatcher.HasStep(refunded, "Disputed").ShouldBeTrue();
        OrderWatcher.HasStep(refunded, "ReceiptConfirmed").ShouldBeFalse();
        var escrow = await cn.EscrowAsync(placed.OrderId);
        escrow["paid"]!["minorUnits"]!.GetValue<long>().ShouldBeGreaterThan(0);
        escrow["refunded"]!["minorUnits"]!.GetValue<long>().ShouldBe(escrow["paid"]!["minorUnits"]!.GetValue<long>());
        (await cn.StatementAsync("CN-C-000034", "CNY")).Balance.ShouldBe(funded);
        // The supplier was not settled (its export VAT refund is not claimed in this scenario).
        (await kr.StatementAsync("KR-C-000034", "KRW")).Lines.ShouldBeEmpty();
        (await cn.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);
        (await kr.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);
    });
}
