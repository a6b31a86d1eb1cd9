using System.Net;
using System.Text.Json.Nodes;
using Hub.Story;
using Hub.Testing;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>A buyer disputes a delivered order instead of confirming receipt; an operator of the buyer's hub decides.</summary>
[Collection(TwoHubsCollection.Name)]
public sealed class DisputeTests(TwoHubs hubs, ITestOutputHelper output) : StoryTest(hubs, output)
{
    private const long Funded = 5_000_000;

    [Fact]
    public Task DeliveredOrder_DisputedAndRefunded_BuyerRepaidInFull_SupplierUnpaid() => RunAsync(async ct =>
    {
        var cast = Cast("cn-buyer-disputes", "kr-supplier-disputed");
        var (story, orderId, watcher) = await DisputedOrderAsync(cast, "Half the cartons arrived crushed", ct);

        var buyer = await Hubs.Cn.SignInAsync(cast.Buyer, ct);
        var receipt = await Should.ThrowAsync<GatewayException>(() => Hubs.Cn.PostAsync(buyer, $"/api/order/orders/{orderId}/receipt", null, ct));
        receipt.Status.ShouldBe(HttpStatusCode.Conflict, "a disputed order's escrow waits for the decision, not for the receipt");
        var cn = await Books.OpenAsync(Hubs.Cn, CnOperator);
        (await cn.GetAsync($"/api/payment/escrows/{orderId}/dispute"))["status"]!.GetValue<string>().ShouldBe("Negotiating");

        await story.EscalateDisputeAsync(orderId, bySupplier: false, ct);
        await story.DecideDisputeAsync(orderId, "refund", null, ct);
        var refunded = await watcher.WaitForStatusAsync(orderId, story.StepTimeout, ct, "Refunded");

        OrderWatcher.HasStep(refunded, "ReceiptConfirmed").ShouldBeFalse();
        var escrow = await cn.EscrowAsync(orderId);
        escrow["paid"]!["minorUnits"]!.GetValue<long>().ShouldBeGreaterThan(0);
        escrow["refunded"]!["minorUnits"]!.GetValue<long>().ShouldBe(escrow["paid"]!["minorUnits"]!.GetValue<long>());
        // Refunded in full; the import's duties and taxes, charged to the buyer at clearance, and the freight it carries
        // under FOB, charged at departure, stay paid.
        var duties = await cn.DutiesLineAsync("CN-C-000034", "CNY", orderId, story.StepTimeout);
        duties.ShouldBeLessThan(0);
        var freight = await cn.FreightLineAsync("CN-C-000034", "CNY", orderId, story.StepTimeout);
        freight.ShouldBeLessThan(0);
        (await cn.StatementAsync("CN-C-000034", "CNY")).Balance.ShouldBe(Funded + duties + freight);
        // The supplier was not settled (its export VAT refund is not claimed in this scenario).
        var kr = await Books.OpenAsync(Hubs.Kr, KrOperator);
        (await kr.StatementAsync("KR-C-000034", "KRW")).Lines.ShouldBeEmpty();
        (await cn.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);
        (await kr.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);
    });

    [Fact]
    public Task DeliveredOrder_DisputedAndPartlyRefunded_CompletesWithTheSupplierSettledForTheRest() => RunAsync(async ct =>
    {
        var cast = Cast("cn-buyer-partly-refunded", "kr-supplier-partly-paid");
        var (story, orderId, watcher) = await DisputedOrderAsync(cast, "A quarter of the lot is the wrong colour", ct);
        var cn = await Books.OpenAsync(Hubs.Cn, CnOperator);
        var paid = (await cn.EscrowAsync(orderId))["paid"]!["minorUnits"]!.GetValue<long>();

        // The KR supplier escalates from KR: its hub asks CN's payment, acting for it.
        var escalated = await story.EscalateDisputeAsync(orderId, bySupplier: true, ct);
        escalated["status"]!.GetValue<string>().ShouldBe("Escalated");
        escalated["supplierCompany"]!.GetValue<string>().ShouldBe("KR-C-000035");
        var stored = await cn.GetAsync($"/api/payment/escrows/{orderId}/dispute");
        stored["status"]!.GetValue<string>().ShouldBe("Escalated");
        stored["escalatedAt"]!.GetValue<string>().ShouldBe(escalated["escalatedAt"]!.GetValue<string>(), "the time answered is the time kept");
        // KR's operators follow their supplier's dispute from KR; CN's decide it.
        var kr = await Books.OpenAsync(Hubs.Kr, KrOperator);
        (await kr.GetAsync($"/api/payment/escrows/{orderId}/dispute"))["supplierCompany"]!.GetValue<string>().ShouldBe("KR-C-000035");
        (await Should.ThrowAsync<GatewayException>(() => kr.PostAsync($"/api/payment/escrows/{orderId}/dispute/escalation", null)))
            .Status.ShouldBe(HttpStatusCode.Conflict);
        var stranger = await Hubs.Kr.SignInAsync(new StoryUser("kr-supplier-outage", "supplier-demo"), ct);
        (await Should.ThrowAsync<GatewayException>(() => Hubs.Kr.GetAsync(stranger, $"/api/payment/escrows/{orderId}/dispute", ct)))
            .Status.ShouldBe(HttpStatusCode.NotFound);
        await story.DecideDisputeAsync(orderId, "partial-refund", paid / 4, ct);
        // The decision and the release it made arrive as two events, in either order.
        var completed = await watcher.WaitAsync(orderId, "it is Completed with the decision recorded",
            o => OrderWatcher.Status(o) == "Completed" && OrderWatcher.HasStep(o, "DisputeResolved"), story.StepTimeout, ct);

        OrderWatcher.HasStep(completed, "ReceiptConfirmed").ShouldBeFalse();
        (await cn.EscrowAsync(orderId))["refunded"]!["minorUnits"]!.GetValue<long>().ShouldBe(paid / 4);
        var duties = await cn.DutiesLineAsync("CN-C-000035", "CNY", orderId, story.StepTimeout);
        var freight = await cn.FreightLineAsync("CN-C-000035", "CNY", orderId, story.StepTimeout);
        (await cn.StatementAsync("CN-C-000035", "CNY")).Balance.ShouldBe(Funded - paid + (paid / 4) + duties + freight);

        // The supplier is paid about three quarters of the goods (the refund was rounded down to a CNY minor unit, worth
        // far less than 1 % of the goods), less at most a 10 % platform fee, in KRW at KR.
        var goods = completed["goodsTotal"]!["minorUnits"]!.GetValue<long>();
        var supplier = await WaitForSettlementAsync(kr, "KR-C-000035", story.StepTimeout);
        supplier.ShouldBeGreaterThan(goods * 3 / 4 * 9 / 10);
        supplier.ShouldBeLessThanOrEqualTo((goods * 3 / 4) + (goods / 100));
        (await cn.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);
        (await kr.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);
    });

    [Fact]
    public Task CompletedOrder_DisputedWithinTheProtectionWindow_HalfRefunded_ClawedBackFromTheSupplierAtKr() => RunAsync(async ct =>
    {
        var (story, product, orderId) = await PlacedOrderAsync(Cast("cn-buyer-protected", "kr-supplier-clawed-back"), ct);
        await story.FollowToCompletionAsync(orderId, product, ct);
        var cn = await Books.OpenAsync(Hubs.Cn, CnOperator);
        var kr = await Books.OpenAsync(Hubs.Kr, KrOperator);
        var settled = await WaitForSettlementAsync(kr, "KR-C-000038", story.StepTimeout);
        var paid = (await cn.EscrowAsync(orderId))["paid"]!["minorUnits"]!.GetValue<long>();

        // After the release, within the protection window: the order stays Completed.
        var disputed = await DisputeAtOnceAsync(story, orderId, "Half the lot failed inspection after unpacking", ct);
        disputed["status"]!.GetValue<string>().ShouldBe("Completed");
        OrderWatcher.HasStep(disputed, "DisputedAfterRelease").ShouldBeTrue();
        await story.EscalateDisputeAsync(orderId, bySupplier: false, ct);
        await story.DecideDisputeAsync(orderId, "partial-refund", paid / 2, ct);

        // The buyer gets half back at CN; KR's supplier returns its half of the settlement at KR.
        (await cn.EscrowAsync(orderId))["refunded"]!["minorUnits"]!.GetValue<long>().ShouldBe(paid / 2);
        var duties = await cn.DutiesLineAsync("CN-C-000038", "CNY", orderId, story.StepTimeout);
        var freight = await cn.FreightLineAsync("CN-C-000038", "CNY", orderId, story.StepTimeout);
        (await cn.StatementAsync("CN-C-000038", "CNY")).Balance.ShouldBe(Funded - paid + (paid / 2) + duties + freight);
        IReadOnlyList<(string Description, long Amount)> lines = [];
        await Eventually.TrueAsync(async () => (lines = (await kr.StatementAsync("KR-C-000038", "KRW")).Lines).Count == 2, story.StepTimeout,
            "the claw-back reaches KR");
        var clawback = lines.Single(l => l.Amount < 0).Amount;
        Math.Abs(-clawback - (settled / 2)).ShouldBeLessThanOrEqualTo(2, "half the settlement, to a couple of minor units of rounding");
        var watcher = await story.WatcherAsync(ct);
        var decided = await watcher.WaitAsync(orderId, "the decision is on the timeline", o => OrderWatcher.HasStep(o, "DisputeResolved"), story.StepTimeout, ct);
        OrderWatcher.Status(decided).ShouldBe("Completed");
        (await cn.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);
        (await kr.TrialBalanceAsync()).ShouldAllBe(c => c.Value == 0);
    });

    // Places an order, follows it to delivery, then the buyer disputes it, to be escalated at once.
    private async Task<(CrossBorderStory Story, string OrderId, OrderWatcher Watcher)> DisputedOrderAsync(StoryCast cast, string reason, CancellationToken ct)
    {
        var (story, product, orderId) = await PlacedOrderAsync(cast, ct);
        var watcher = await story.FollowToDeliveryAsync(orderId, product, ct);
        var disputed = await DisputeAtOnceAsync(story, orderId, reason, ct);

        disputed["status"]!.GetValue<string>().ShouldBe("Disputed");
        disputed["timeline"]!.AsArray().ShouldContain(t => t!["step"]!.GetValue<string>() == "Disputed" && t["detail"]!.GetValue<string>() == reason);
        return (story, orderId, watcher);
    }

    // Lists, funds, finds, checks out and places an order of 20 units.
    private async Task<(CrossBorderStory Story, ListedProduct Product, string OrderId)> PlacedOrderAsync(StoryCast cast, CancellationToken ct)
    {
        var story = Story(cast);
        var product = await story.ListProductAsync(stock: 100, ct);
        await story.FundBuyerAsync(Funded, ct);
        await story.FindAsync(product, ct);
        var cart = CrossBorderStory.Cart(product, 20, await story.CheckoutAsync(CrossBorderStory.Cart(product, 20), ct));
        return (story, product, (await story.PlaceAsync(cart, $"disputed-{Guid.NewGuid():N}", ct)).OrderId);
    }

    // The buyer disputes the order under terms that let the dispute be escalated at once (the terms are put back; a
    // dispute keeps the period it opened under); the order as the dispute left it.
    private async Task<JsonNode> DisputeAtOnceAsync(CrossBorderStory story, string orderId, string reason, CancellationToken ct)
    {
        var cn = await Books.OpenAsync(Hubs.Cn, CnOperator);
        var terms = await cn.GetAsync("/api/payment/terms");
        await cn.PutAsync("/api/payment/terms", Terms(terms, negotiationDays: 0));
        try
        {
            return await story.DisputeAsync(orderId, reason, ct);
        }
        finally
        {
            await cn.PutAsync("/api/payment/terms", Terms(terms, terms["disputeNegotiationDays"]!.GetValue<int>()));
        }
    }

    private static object Terms(JsonNode current, int negotiationDays) => new
    {
        fxMarginBps = current["fxMarginBps"]!.GetValue<int>(),
        platformFeeBps = current["platformFeeBps"]!.GetValue<int>(),
        quoteLockSeconds = current["quoteLockSeconds"]!.GetValue<int>(),
        autoReleaseDays = current["autoReleaseDays"]!.GetValue<int>(),
        disputeNegotiationDays = negotiationDays,
    };

    // The KR settlement follows CN's release through the partner gateway: the supplier's one positive line.
    private static async Task<long> WaitForSettlementAsync(Books kr, string supplier, TimeSpan timeout)
    {
        IReadOnlyList<(string Description, long Amount)> lines = [];
        await Eventually.TrueAsync(async () => (lines = (await kr.StatementAsync(supplier, "KRW")).Lines).Count > 0, timeout,
            $"{supplier} is settled at KR after the order's completion");
        return lines.ShouldHaveSingleItem().Amount;
    }
}
