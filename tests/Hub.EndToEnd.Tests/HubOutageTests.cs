using Hub.Story;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>The supplier's hub goes away for a while: the order waits for it, then completes, and nothing happens twice.</summary>
[Collection(TwoHubsCollection.Name)]
public sealed class HubOutageTests(TwoHubs hubs, ITestOutputHelper output) : StoryTest(hubs, output)
{
    [Fact]
    public Task PlaceOrder_SupplierHubGatewayDownForAWhile_WaitsThenCompletesOnce() => RunAsync(async ct =>
    {
        var cast = Cast("cn-buyer-outage", "kr-supplier-outage");
        var story = Story(cast);
        var product = await story.ListProductAsync(stock: 100, ct);
        await story.FundBuyerAsync(5_000_000, ct);
        await story.FindAsync(product, ct);
        var cart = CrossBorderStory.Cart(product, 20, await story.CheckoutAsync(CrossBorderStory.Cart(product, 20), ct));
        var key = $"outage-{Guid.NewGuid():N}";
        var placed = await story.PlaceAsync(cart, key, ct);

        await Hubs.KillAsync("KR", "Gateway");
        Narrate("KR's gateway is down.");
        await Task.Delay(TimeSpan.FromSeconds(20), ct);
        var watcher = await story.WatcherAsync(ct);
        var waiting = await watcher.ReadAsync(placed.OrderId, ct);
        OrderWatcher.Status(waiting).ShouldBeOneOf("Placed", "PaymentSecured");
        await Hubs.RestartAsync("KR", "Gateway");
        Narrate("KR's gateway is back.");

        // Placing again with the same key while the order runs returns the same purchase.
        (await story.PlaceAsync(cart, key, ct)).OrderId.ShouldBe(placed.OrderId);
        await story.FollowToCompletionAsync(placed.OrderId, product, ct);
        var claim = await story.RefundExportVatAsync(placed.OrderId, ct);

        var buyer = await Hubs.Cn.SignInAsync(cast.Buyer, ct);
        (await Hubs.Cn.GetAsync(buyer, $"/api/order/orders?purchase={placed.PurchaseId}", ct)).AsArray().Count.ShouldBe(1);
        var kr = await Books.OpenAsync(Hubs.Kr, KrOperator);
        var cn = await Books.OpenAsync(Hubs.Cn, CnOperator);
        (await kr.DeclarationsAsync(placed.OrderId, "Export")).Count.ShouldBe(1);
        (await cn.DeclarationsAsync(placed.OrderId, "Import")).Count.ShouldBe(1);
        (await kr.ConsignmentsAsync(placed.OrderId)).Count.ShouldBe(1);
        (await kr.ClaimsAsync(placed.OrderId)).ShouldHaveSingleItem()["id"]!.GetValue<string>().ShouldBe(claim);
        var supplier = await kr.StatementAsync("KR-C-000031", "KRW");
        supplier.Lines.Count.ShouldBe(2, "one escrow payout and one tax refund: " + string.Join("; ", supplier.Lines));
        // The buyer paid the order once, its import's duties once and its freight (FOB) once.
        (await cn.DutiesLineAsync("CN-C-000031", "CNY", placed.OrderId, story.StepTimeout)).ShouldBeLessThan(0);
        (await cn.FreightLineAsync("CN-C-000031", "CNY", placed.OrderId, story.StepTimeout)).ShouldBeLessThan(0);
        var buyerStatement = await cn.StatementAsync("CN-C-000031", "CNY");
        buyerStatement.Lines.Count(l => l.Amount < 0).ShouldBe(3, string.Join("; ", buyerStatement.Lines));
        (await kr.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);
        (await cn.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);
    });
}
