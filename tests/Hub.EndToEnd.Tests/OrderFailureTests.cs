using Hub.Story;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>Orders that cannot go through give back what they hold: stock to the supplier, escrow to the buyer.</summary>
[Collection(TwoHubsCollection.Name)]
public sealed class OrderFailureTests(TwoHubs hubs, ITestOutputHelper output) : StoryTest(hubs, output)
{
    [Fact]
    public Task PlaceOrder_BuyerCannotPay_FailsAndReleasesStock() => RunAsync(async ct =>
    {
        var cast = Cast("cn-buyer-unfunded", "kr-supplier-unpaid");
        var story = Story(cast);
        var product = await story.ListProductAsync(stock: 100, ct);
        await story.FindAsync(product, ct);
        var cart = CrossBorderStory.Cart(product, 30, await story.CheckoutAsync(CrossBorderStory.Cart(product, 30), ct));
        var placed = await story.PlaceAsync(cart, $"unfunded-{Guid.NewGuid():N}", ct);

        var watcher = await story.WatcherAsync(ct);
        var failed = await watcher.WaitForStatusAsync(placed.OrderId, story.StepTimeout, ct, "Failed");
        failed["failureReason"]!.GetValue<string>().ShouldContain("payment", Case.Insensitive);
        OrderWatcher.HasStep(failed, "StockReleased").ShouldBeTrue();

        var supplier = await Hubs.Kr.SignInAsync(cast.Supplier, ct);
        var stock = (await Hubs.Kr.GetAsync(supplier, $"/api/catalog/products/{product.Id}", ct))["stock"]!;
        stock["available"]!.GetValue<int>().ShouldBe(100);
        stock["reserved"]!.GetValue<int>().ShouldBe(0);
        var cn = await Books.OpenAsync(Hubs.Cn, CnOperator);
        (await cn.StatementAsync("CN-C-000032", "CNY")).Lines.ShouldBeEmpty();
    });

    [Fact]
    public Task PlaceOrder_ImportDeclarationRejected_FailsAndRefundsEscrow() => RunAsync(async ct =>
    {
        var cast = Cast("cn-buyer-rejected", "kr-supplier-rejected");
        var cn = await Books.OpenAsync(Hubs.Cn, CnOperator);
        // CN customs lists the buyer as a denied party; an exact-match threshold keeps the other buyers clear.
        await cn.PutAsync("/api/customs/screening/threshold", new { threshold = 0.999 });
        await cn.PostAsync("/api/customs/screening/parties", new { name = "CN-C-000033", aliases = Array.Empty<string>(), country = "CN", source = "end-to-end test" });

        var story = Story(cast);
        var product = await story.ListProductAsync(stock: 100, ct);
        await story.FundBuyerAsync(5_000_000, ct);
        await story.FindAsync(product, ct);
        var cart = CrossBorderStory.Cart(product, 20, await story.CheckoutAsync(CrossBorderStory.Cart(product, 20), ct));
        var placed = await story.PlaceAsync(cart, $"rejected-{Guid.NewGuid():N}", ct);

        var booked = await story.WaitReleasingHoldsAsync(placed.OrderId, Hubs.Kr, KrOperator, "Export", "Booked", ct);
        await story.DepartAsync(booked["consignmentId"]!.GetValue<string>(), ct);
        var watcher = await story.WatcherAsync(ct);
        await watcher.WaitAsync(placed.OrderId, "the import declaration is held",
            o => OrderWatcher.HasStep(o, "DeclarationHeld") || OrderWatcher.Status(o) != "Booked", story.StepTimeout, ct);
        var op = await Hubs.Cn.SignInAsync(CnOperator, ct);
        var held = (await CrossBorderStory.HeldDeclarationsAsync(Hubs.Cn, op, placed.OrderId, "Import", ct)).ShouldHaveSingleItem();
        await Hubs.Cn.PostAsync(op, $"/api/customs/declarations/{held}/reject", new { reason = "Importer is a denied party" }, ct);
        Narrate($"cn-operator rejected import declaration {held}.");

        var failed = await watcher.WaitForStatusAsync(placed.OrderId, story.StepTimeout, ct, "Failed");
        failed["failureReason"]!.GetValue<string>().ShouldContain("rejected");
        await watcher.WaitAsync(placed.OrderId, "the escrow is refunded", o => OrderWatcher.HasStep(o, "EscrowRefunded"), story.StepTimeout, ct);
        var escrow = await cn.EscrowAsync(placed.OrderId);
        escrow["refunded"]!["minorUnits"]!.GetValue<long>().ShouldBe(escrow["paid"]!["minorUnits"]!.GetValue<long>());
        escrow["paid"]!["minorUnits"]!.GetValue<long>().ShouldBeGreaterThan(0);
        // The escrow comes back whole; the freight the buyer carries under FOB, billed when the shipment departed, stays paid.
        var freight = await cn.FreightLineAsync("CN-C-000033", "CNY", placed.OrderId, story.StepTimeout);
        freight.ShouldBeLessThan(0);
        (await cn.StatementAsync("CN-C-000033", "CNY")).Balance.ShouldBe(5_000_000 + freight);
        (await cn.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);
    });
}
