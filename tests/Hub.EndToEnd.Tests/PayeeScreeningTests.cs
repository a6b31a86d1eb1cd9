using Hub.Story;
using Hub.Testing;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>
/// The buyer's hub screens the payee against its denied-party list before it releases the escrow: a supplier listed
/// after its goods cleared is held at the release until the hub's operators decide.
/// </summary>
[Collection(TwoHubsCollection.Name)]
public sealed class PayeeScreeningTests(TwoHubs hubs, ITestOutputHelper output) : StoryTest(hubs, output)
{
    [Fact]
    public Task DeliveredOrder_PayeeListedMeanwhile_ReleaseHeldUntilTheOperatorsClearIt_ThenCompletes() => RunAsync(async ct =>
    {
        var cast = Cast("cn-buyer-payee-held", "kr-supplier-listed");
        var story = Story(cast);
        var product = await story.ListProductAsync(stock: 100, ct);
        await story.FundBuyerAsync(5_000_000, ct);
        await story.FindAsync(product, ct);
        var cart = CrossBorderStory.Cart(product, 20, await story.CheckoutAsync(CrossBorderStory.Cart(product, 20), ct));
        var placed = await story.PlaceAsync(cart, $"payee-held-{Guid.NewGuid():N}", ct);
        var watcher = await story.FollowToDeliveryAsync(placed.OrderId, product, ct);

        // The supplier's registered name joins CN's list after its goods cleared; an exact-match threshold keeps the
        // other scenarios' suppliers clear.
        var cn = await Books.OpenAsync(Hubs.Cn, CnOperator);
        var payee = (await Hubs.Kr.GetAsync(await Hubs.Kr.SignInAsync(cast.Supplier, ct), "/api/catalog/suppliers/me", ct))["name"]!.GetValue<string>();
        await cn.PutAsync("/api/customs/screening/threshold", new { threshold = 0.999 });
        await cn.PostAsync("/api/customs/screening/parties", new { name = payee, aliases = Array.Empty<string>(), country = "KR", source = "end-to-end test" });
        Narrate($"cn-operator listed '{payee}' as a denied party.");

        await story.ConfirmReceiptAsync(placed.OrderId, ct);
        var held = await watcher.WaitAsync(placed.OrderId, "the release is held", o => OrderWatcher.HasStep(o, "EscrowReleaseHeld"), story.StepTimeout, ct);
        OrderWatcher.Status(held).ShouldBe("ReceiptConfirmed");
        var hold = (await cn.GetAsync("/api/payment/payee-holds")).AsArray().Single(e => e!["orderId"]!.GetValue<string>() == placed.OrderId)!["payeeScreening"]!;
        hold["payee"]!.GetValue<string>().ShouldBe(payee);
        hold["matchedName"]!.GetValue<string>().ShouldBe(payee);
        hold["score"]!.GetValue<double>().ShouldBe(1.0);
        var kr = await Books.OpenAsync(Hubs.Kr, KrOperator);
        (await kr.StatementAsync("KR-C-000037", "KRW")).Lines.ShouldBeEmpty("nothing is settled while the release is held");

        await cn.PostAsync($"/api/payment/payee-holds/{placed.OrderId}/decision", new { decision = "release", note = "a namesake: registration numbers differ" });
        Narrate($"cn-operator cleared the payee of order {placed.OrderId}.");
        await watcher.WaitForStatusAsync(placed.OrderId, story.StepTimeout, ct, "Completed");

        var escrow = await cn.EscrowAsync(placed.OrderId);
        escrow["status"]!.GetValue<string>().ShouldBe("Released");
        escrow["payeeScreening"]!["decidedBy"]!.GetValue<string>().ShouldBe("cn-operator");
        await Eventually.TrueAsync(async () => (await kr.StatementAsync("KR-C-000037", "KRW")).Lines.Count == 1, story.StepTimeout, "the supplier is settled at KR");
        (await cn.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);
        (await kr.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);
    });
}
