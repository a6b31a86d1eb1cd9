using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.Domain.Disputes;
using Hub.Payment.V1;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Tests.Endpoints;

public sealed class DisputeEndpointsTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    private async Task<(CompanyId Buyer, CompanyId Supplier, OrderId Order)> SecuredAsync(long krw)
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, krw, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", krw, "KRW"));
        return (buyer, supplier, order);
    }

    [Fact]
    public async Task OpenDispute_ByBuyer_FreezesTheEscrow()
    {
        var (buyer, supplier, order) = await SecuredAsync(1_000_000);
        using var asBuyer = host.Sme(buyer);
        using var asSupplier = host.Sme(supplier);

        var opened = await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Goods arrived damaged" });
        var again = await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Goods arrived damaged" });
        var release = await Should.ThrowAsync<RpcException>(() => host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() }).ResponseAsync);

        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        again.StatusCode.ShouldBe(HttpStatusCode.OK);
        release.Trailers.GetValue("reason").ShouldBe("escrow-disputed");
        (await asSupplier.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}/dispute")).GetProperty("status").GetString().ShouldBe("Negotiating");
        (await host.EventsAsync<DisputeOpened>(order.ToString())).Count.ShouldBe(1);
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(0);
    }

    [Fact]
    public async Task OpenDisputeOverGrpc_ForTheOrderService_FreezesOnce_AndRefusesOthersAndEscrowsReleasedBeforeTheWindow()
    {
        var (buyer, supplier, order) = await SecuredAsync(500_000);
        var (releasedBuyer, _, released) = await SecuredAsync(1_000);
        await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = released.ToString() });
        OpenDisputeRequest Request(OrderId o, CompanyId company, string reason) => new() { OrderId = o.ToString(), BuyerCompany = company.ToString(), Reason = reason };

        var opened = await host.Grpc.OpenDisputeAsync(Request(order, buyer, "Cartons crushed"));
        var again = await host.Grpc.OpenDisputeAsync(Request(order, buyer, "Cartons crushed"));
        var bySupplier = await Should.ThrowAsync<RpcException>(() => host.Grpc.OpenDisputeAsync(Request(order, supplier, "x")).ResponseAsync);
        // Released longer ago than the protection window (30 days).
        host.Clock.Advance(TimeSpan.FromDays(31));
        RpcException late;
        try
        {
            late = await Should.ThrowAsync<RpcException>(() => host.Grpc.OpenDisputeAsync(Request(released, releasedBuyer, "Too late")).ResponseAsync);
        }
        finally
        {
            host.Clock.Advance(TimeSpan.FromDays(-31));
        }

        var release = await Should.ThrowAsync<RpcException>(() => host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() }).ResponseAsync);

        opened.Status.ShouldBe("Negotiating");
        opened.Replayed.ShouldBeFalse();
        opened.NegotiationEndsAt.ToDateTime().ShouldBeGreaterThan(DateTime.UtcNow);
        again.Replayed.ShouldBeTrue();
        bySupplier.StatusCode.ShouldBe(StatusCode.NotFound);
        late.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        release.Trailers.GetValue("reason").ShouldBe("escrow-disputed");
        (await host.EventsAsync<DisputeOpened>(order.ToString())).Count.ShouldBe(1);
        (await host.EventsAsync<DisputeOpened>(released.ToString())).ShouldBeEmpty();
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(0);
    }

    [Fact]
    public async Task ListUndecided_EscalatedFirst_EachWithItsEscrow_NotTheDecided_OperatorsOnly()
    {
        using var asOperator = host.Operator();
        async Task<OrderId> DisputedAsync(long krw)
        {
            var (buyer, _, order) = await SecuredAsync(krw);
            using var asBuyer = host.Sme(buyer);
            (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Short-shipped" })).EnsureSuccessStatusCode();
            return order;
        }

        var (escalated, decided) = (await DisputedAsync(20_000), await DisputedAsync(30_000));
        host.Clock.Advance(TimeSpan.FromDays(3));
        foreach (var order in new[] { escalated, decided })
        {
            (await asOperator.PostAsync($"/api/payment/escrows/{order}/dispute/escalation", null)).EnsureSuccessStatusCode();
        }

        (await asOperator.PostAsJsonAsync($"/api/payment/escrows/{decided}/dispute/decision", new { decision = "refund" })).EnsureSuccessStatusCode();
        var negotiating = await DisputedAsync(10_000);

        var listed = (await asOperator.GetFromJsonAsync<JsonElement>("/api/payment/disputes")).EnumerateArray()
            .Select(d => (Order: d.GetProperty("dispute").GetProperty("orderId").GetString(), Item: d)).ToList();

        var orders = listed.Select(d => d.Order).ToList();
        orders.ShouldContain(escalated.ToString());
        orders.ShouldContain(negotiating.ToString());
        orders.ShouldNotContain(decided.ToString());
        listed.TakeWhile(d => d.Item.GetProperty("dispute").GetProperty("status").GetString() == "Escalated").Count()
            .ShouldBe(listed.Count(d => d.Item.GetProperty("dispute").GetProperty("status").GetString() == "Escalated"), "escalated ones come first");
        var held = listed.Single(d => d.Order == negotiating.ToString()).Item;
        held.GetProperty("dispute").GetProperty("status").GetString().ShouldBe("Negotiating");
        held.GetProperty("escrow").GetProperty("remaining").GetProperty("minorUnits").GetInt64().ShouldBe(10_000);
        using var sme = host.Sme(Ids.Company());
        (await sme.GetAsync("/api/payment/disputes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task OpenDisputeOverGrpc_WithoutReason_IsInvalid()
    {
        var (buyer, _, order) = await SecuredAsync(1_000);

        var refused = await Should.ThrowAsync<RpcException>(() => host.Grpc.OpenDisputeAsync(
            new OpenDisputeRequest { OrderId = order.ToString(), BuyerCompany = buyer.ToString(), Reason = " " }).ResponseAsync);

        refused.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refused.Trailers.GetValue("reason").ShouldNotBeNullOrEmpty();
        (await host.EventsAsync<DisputeOpened>(order.ToString())).ShouldBeEmpty();
        await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });
    }

    [Theory]
    [InlineData(" ")]
    [InlineData(null)]
    public async Task OpenDispute_WithoutReason_IsValidationProblemWithACleanMessage(string? reason)
    {
        var (buyer, _, order) = await SecuredAsync(1_000);
        using var asBuyer = host.Sme(buyer);

        var response = await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("reason")[0].GetString();
        message.ShouldBe("A dispute needs a reason of 1 to 1,000 characters.");
        (await host.EventsAsync<DisputeOpened>(order.ToString())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Dispute_OfAnIdNoHubCouldGive_IsAValidationProblemNamingTheOrder()
    {
        using var asBuyer = host.Sme(Ids.Company());

        var opened = await asBuyer.PostAsJsonAsync("/api/payment/escrows/order-7/dispute", new { reason = "x" });
        var read = await asBuyer.GetAsync("/api/payment/escrows/KR-C-000001/dispute");

        foreach (var response in new[] { opened, read })
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("orderId")[0].GetString()!.ShouldContain("is not an order id");
        }
    }

    [Fact]
    public async Task OpenDispute_BySupplierOrStranger_IsNotFound()
    {
        var (_, supplier, order) = await SecuredAsync(1_000);
        using var asSupplier = host.Sme(supplier);
        using var asStranger = host.Sme(Ids.Company());

        (await asSupplier.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await asStranger.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await asStranger.GetAsync($"/api/payment/escrows/{order}/dispute")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await host.EventsAsync<DisputeOpened>(order.ToString())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Escalate_DuringNegotiation_IsRefused_ThenOperatorDecidesPartialRefund()
    {
        var (buyer, supplier, order) = await SecuredAsync(1_000_000);
        using var asBuyer = host.Sme(buyer);
        using var asOperator = host.Operator();
        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Half the lot is missing" })).EnsureSuccessStatusCode();

        var early = await asBuyer.PostAsync($"/api/payment/escrows/{order}/dispute/escalation", null);
        var decidedEarly = await asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision", new { decision = "release" });
        host.Clock.Advance(TimeSpan.FromDays(3));
        var escalated = await asBuyer.PostAsync($"/api/payment/escrows/{order}/dispute/escalation", null);
        var escalatedAgain = await asBuyer.PostAsync($"/api/payment/escrows/{order}/dispute/escalation", null);
        var decided = await asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision",
            new { decision = "partial-refund", refund = new { minorUnits = 400_000, currency = "KRW" } });
        var escalatedAfterDecision = await asBuyer.PostAsync($"/api/payment/escrows/{order}/dispute/escalation", null);

        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        decidedEarly.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        escalated.StatusCode.ShouldBe(HttpStatusCode.OK);
        escalatedAgain.StatusCode.ShouldBe(HttpStatusCode.OK, "escalating again (a retry) changes nothing");
        decided.StatusCode.ShouldBe(HttpStatusCode.OK);
        escalatedAfterDecision.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(400_000);
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(588_000);  // 600,000 less the 2 % fee
        var resolved = (await host.EventsAsync<DisputeResolved>(order.ToString())).Single();
        resolved.GetProperty("refundedMinorUnits").GetInt64().ShouldBe(400_000);
        resolved.GetProperty("releasedMinorUnits").GetInt64().ShouldBe(600_000);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    [Fact]
    public async Task Decide_PartialRefundWhosePayeeIsOnTheList_RefundsTheBuyerAndHoldsTheReleaseForTheOperators()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        var payee = $"Listed Lines Ltd {Guid.NewGuid():N}";
        host.Screening.Deny(payee);
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"), payee);
        using var asBuyer = host.Sme(buyer);
        using var asOperator = host.Operator();
        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Half the lot is missing" })).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromDays(3));
        (await asBuyer.PostAsync($"/api/payment/escrows/{order}/dispute/escalation", null)).EnsureSuccessStatusCode();

        var decided = await asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision",
            new { decision = "partial-refund", refund = new { minorUnits = 400_000, currency = "KRW" } });

        decided.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(400_000);
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(0, "the payee's release waits for the operators' decision on the match");
        (await host.EventsAsync<EscrowReleased>(order.ToString())).ShouldBeEmpty();
        (await host.EventsAsync<EscrowReleaseHeld>(order.ToString())).ShouldHaveSingleItem();
        var holds = await asOperator.GetFromJsonAsync<JsonElement>("/api/payment/payee-holds");
        holds.EnumerateArray().Single(e => e.GetProperty("orderId").GetString() == order.ToString())
            .GetProperty("refunded").GetProperty("minorUnits").GetInt64().ShouldBe(400_000);

        (await asOperator.PostAsJsonAsync($"/api/payment/payee-holds/{order}/decision", new { decision = "release", note = "a namesake" })).EnsureSuccessStatusCode();

        (await host.WalletAsync(supplier, "KRW")).ShouldBe(588_000);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    [Fact]
    public async Task Decide_ReleaseWhileThePayeesScreeningDoesNotAnswer_Is503AndDecidesNothing()
    {
        var (buyer, supplier, order) = await SecuredAsync(1_000_000);
        using var asBuyer = host.Sme(buyer);
        using var asOperator = host.Operator();
        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Late by a month" })).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromDays(3));
        (await asBuyer.PostAsync($"/api/payment/escrows/{order}/dispute/escalation", null)).EnsureSuccessStatusCode();

        HttpResponseMessage decided;
        host.Screening.Unavailable = true;
        try
        {
            decided = await asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision", new { decision = "release" });
        }
        finally
        {
            host.Screening.Unavailable = false;
        }

        decided.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        decided.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await asOperator.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}/dispute")).GetProperty("status").GetString().ShouldBe("Escalated");
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(0);
        (await asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision", new { decision = "release" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(980_000);
    }

    [Fact]
    public async Task Decide_Repeated_SameDecisionAnswersAsDecided_OtherAmountOrDecisionIsConflict()
    {
        var (buyer, supplier, order) = await SecuredAsync(1_000_000);
        using var asBuyer = host.Sme(buyer);
        using var asOperator = host.Operator();
        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Half the lot is missing" })).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromDays(3));
        (await asBuyer.PostAsync($"/api/payment/escrows/{order}/dispute/escalation", null)).EnsureSuccessStatusCode();
        Task<HttpResponseMessage> PartialRefund(long krw) => asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision",
            new { decision = "partial-refund", refund = new { minorUnits = krw, currency = "KRW" } });

        var decided = await PartialRefund(400_000);
        var repeated = await PartialRefund(400_000);
        var otherAmount = await PartialRefund(300_000);
        var otherDecision = await asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision", new { decision = "release" });

        decided.StatusCode.ShouldBe(HttpStatusCode.OK);
        repeated.StatusCode.ShouldBe(HttpStatusCode.OK);
        otherAmount.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await otherAmount.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().ShouldBe("dispute-decided");
        otherDecision.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var reopened = await Should.ThrowAsync<RpcException>(() => host.Grpc.OpenDisputeAsync(
            new OpenDisputeRequest { OrderId = order.ToString(), BuyerCompany = buyer.ToString(), Reason = "Still missing" }).ResponseAsync);
        reopened.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        reopened.Trailers.GetValue("reason").ShouldBe("dispute-decided");
        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Still missing" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(400_000);
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(588_000);
        (await host.PostingsAsync("refund:" + order)).ShouldBe(1);
        (await host.EventsAsync<DisputeResolved>(order.ToString())).Count.ShouldBe(1);
        (await host.EventsAsync<DisputeOpened>(order.ToString())).Count.ShouldBe(1);
    }

    [Fact]
    public async Task Decide_PartialRefundNotBelowWhatIsHeld_IsValidationProblemAndNothingPosted()
    {
        var (buyer, _, order) = await SecuredAsync(500_000);
        using var asBuyer = host.Sme(buyer);
        using var asOperator = host.Operator();
        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Wrong colour" })).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromDays(3));
        (await asBuyer.PostAsync($"/api/payment/escrows/{order}/dispute/escalation", null)).EnsureSuccessStatusCode();

        var response = await asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision",
            new { decision = "partial-refund", refund = new { minorUnits = 500_000, currency = "KRW" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await host.PostingsAsync("refund:" + order)).ShouldBe(0);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(0);
        (await asBuyer.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}/dispute")).GetProperty("status").GetString().ShouldBe("Escalated");
    }

    [Fact]
    public async Task Decide_PartialRefundLeavingLessThanTheSupplierMinorUnit_IsRefusedAndChangesNothing()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        var quote = await host.QuoteAsync(buyer, "KRW", 100_00, "USD");
        await host.CreditAsync(buyer, quote.Pay.MinorUnits, "KRW");
        await host.SecureAsync(order, buyer, supplier, quote);
        using var asBuyer = host.Sme(buyer);
        using var asOperator = host.Operator();
        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Nearly all of it is missing" })).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromDays(3));
        (await asBuyer.PostAsync($"/api/payment/escrows/{order}/dispute/escalation", null)).EnsureSuccessStatusCode();

        var refused = await asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision",
            new { decision = "partial-refund", refund = new { minorUnits = quote.Pay.MinorUnits - 13, currency = "KRW" } });
        var dispute = await asBuyer.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}/dispute");
        var refunded = await asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision", new { decision = "refund" });

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().ShouldBe("release-settles-nothing");
        dispute.GetProperty("status").GetString().ShouldBe("Escalated");
        refunded.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await host.PostingsAsync("refund:" + order)).ShouldBe(1);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(quote.Pay.MinorUnits);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    [Fact]
    public async Task Refund_InFullWhileADisputeIsOpen_ClosesTheDisputeAsRefundedOnce()
    {
        var (buyer, _, order) = await SecuredAsync(300_000);
        using var asBuyer = host.Sme(buyer);
        using var asOperator = host.Operator();
        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Never shipped" })).EnsureSuccessStatusCode();
        var cancelled = new RefundRequest { OrderId = order.ToString(), IdempotencyKey = "order-cancelled" };

        var refunded = await host.Grpc.RefundAsync(cancelled);
        var again = await host.Grpc.RefundAsync(cancelled);
        var dispute = await asBuyer.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}/dispute");
        var decidedRefund = await asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision", new { decision = "refund" });
        var decidedRelease = await asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision", new { decision = "release" });

        refunded.Remaining.MinorUnits.ShouldBe(0);
        again.Replayed.ShouldBeTrue();
        dispute.GetProperty("status").GetString().ShouldBe("Resolved");
        dispute.GetProperty("decision").GetString().ShouldBe("Refund");
        dispute.GetProperty("decidedBy").GetString().ShouldNotBeNullOrWhiteSpace();
        dispute.GetProperty("resolution").GetString()!.ShouldContain("order-cancelled");
        dispute.GetProperty("resolvedAt").ValueKind.ShouldBe(JsonValueKind.String);
        decidedRefund.StatusCode.ShouldBe(HttpStatusCode.OK, "the refund is what was decided");
        decidedRelease.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(300_000);
        (await host.EventsAsync<DisputeResolved>(order.ToString())).Single().GetProperty("refundedMinorUnits").GetInt64().ShouldBe(300_000);
        await using var db = host.Db();
        (await db.Escrows.SingleAsync(e => e.OrderId == order.ToString())).UnderDispute.ShouldBeFalse();
    }

    [Fact]
    public async Task PartnerDisputes_TheSupplierOfThePartnerHub_SeesAndEscalatesOnceNegotiationEnds_NoOneElse()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company("CN"), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        using var asBuyer = host.Sme(buyer);
        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Wrong colour" })).EnsureSuccessStatusCode();
        var asCn = Hub.Testing.TestSecurity.Bearer(Hub.Testing.TestSecurity.PartnerHub(HubId.Parse("CN")));
        PartnerDisputeRequest For(CompanyId company) => new() { OrderId = order.ToString(), Company = company.ToString(), Actor = "cn-supplier" };

        var seen = await host.PartnerDisputes.GetDisputeAsync(For(supplier), asCn);
        var early = await Should.ThrowAsync<RpcException>(() => host.PartnerDisputes.EscalateDisputeAsync(For(supplier), asCn).ResponseAsync);
        var forTheBuyer = await Should.ThrowAsync<RpcException>(() => host.PartnerDisputes.GetDisputeAsync(For(buyer), asCn).ResponseAsync);
        var forAStranger = await Should.ThrowAsync<RpcException>(() => host.PartnerDisputes.GetDisputeAsync(For(Ids.Company("CN")), asCn).ResponseAsync);
        var unsigned = await Should.ThrowAsync<RpcException>(() => host.PartnerDisputes.GetDisputeAsync(For(supplier)).ResponseAsync);
        host.Clock.Advance(TimeSpan.FromDays(3));
        var escalated = await host.PartnerDisputes.EscalateDisputeAsync(For(supplier), asCn);
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var retry = For(supplier);
        retry.Actor = "cn-supplier-retrying";
        var retried = await host.PartnerDisputes.EscalateDisputeAsync(retry, asCn);

        seen.Status.ShouldBe("Negotiating");
        seen.SupplierCompany.ShouldBe(supplier.ToString());
        seen.Reason.ShouldBe("Wrong colour");
        seen.EscalatedAt.ShouldBeNull();
        early.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        early.Trailers.GetValue("reason").ShouldBe("negotiation-open");
        forTheBuyer.StatusCode.ShouldBe(StatusCode.PermissionDenied, "a partner acts only for its own hub's companies");
        forAStranger.StatusCode.ShouldBe(StatusCode.NotFound);
        unsigned.StatusCode.ShouldBe(StatusCode.Unauthenticated);
        escalated.Status.ShouldBe("Escalated");
        escalated.EscalatedAt.ShouldNotBeNull();
        retried.Status.ShouldBe("Escalated", "a retried escalation finds the first one");
        retried.EscalatedAt.ToDateTime().ShouldBe(escalated.EscalatedAt.ToDateTime(), TimeSpan.FromMilliseconds(1), "the first escalation's time (the store keeps microseconds)");
        await using var db = host.Db();
        (await db.Disputes.SingleAsync(d => d.OrderId == order.ToString())).EscalatedBy.ShouldBe("cn-supplier at hub CN");
    }

    [Theory]
    [InlineData(101)]
    [InlineData(191)]
    [InlineData(5_000)]
    public async Task PartnerDisputes_EscalationByAnActorOverItsLength_IsInvalidArgumentNamingActor_AndEscalatesNothing(int length)
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company("CN"), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        using var asBuyer = host.Sme(buyer);
        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Wrong colour" })).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromDays(3));
        var asCn = Hub.Testing.TestSecurity.Bearer(Hub.Testing.TestSecurity.PartnerHub(HubId.Parse("CN")));
        PartnerDisputeRequest By(string actor) => new() { OrderId = order.ToString(), Company = supplier.ToString(), Actor = actor };

        var refused = await Should.ThrowAsync<RpcException>(() => host.PartnerDisputes.EscalateDisputeAsync(By(new string('a', length)), asCn).ResponseAsync);
        await using (var db = host.Db())
        {
            (await db.Disputes.SingleAsync(d => d.OrderId == order.ToString())).Status.ShouldBe(DisputeStatus.Negotiating);
        }

        var longest = new string('b', 100);
        var escalated = await host.PartnerDisputes.EscalateDisputeAsync(By($"  {longest}  "), asCn);

        refused.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refused.Status.Detail.ShouldStartWith("actor: at most 100 characters");
        refused.Trailers.GetValue("reason").ShouldBe("invalid-actor");
        escalated.Status.ShouldBe("Escalated");
        await using var after = host.Db();
        (await after.Disputes.SingleAsync(d => d.OrderId == order.ToString())).EscalatedBy.ShouldBe($"{longest} at hub CN");
    }

    [Fact]
    public async Task PartnerDisputes_ThePartnerHubsOperators_ReadTheirCompaniesDisputes_AndEscalateNone()
    {
        var (buyer, cnSupplier, order) = (Ids.Company(), Ids.Company("CN"), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, cnSupplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        var (domestic, domesticSupplier) = (Ids.Order(), Ids.Company());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(domestic, buyer, domesticSupplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        using var asBuyer = host.Sme(buyer);
        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Wrong colour" })).EnsureSuccessStatusCode();
        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{domestic}/dispute", new { reason = "Late" })).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromDays(3));
        var asCn = Hub.Testing.TestSecurity.Bearer(Hub.Testing.TestSecurity.PartnerHub(HubId.Parse("CN")));
        PartnerDisputeRequest Operators(OrderId id) => new() { OrderId = id.ToString(), Operators = true, Actor = "cn-operator" };

        var seen = await host.PartnerDisputes.GetDisputeAsync(Operators(order), asCn);
        var notTheirs = await Should.ThrowAsync<RpcException>(() => host.PartnerDisputes.GetDisputeAsync(Operators(domestic), asCn).ResponseAsync);
        var escalation = await Should.ThrowAsync<RpcException>(() => host.PartnerDisputes.EscalateDisputeAsync(Operators(order), asCn).ResponseAsync);

        seen.SupplierCompany.ShouldBe(cnSupplier.ToString());
        seen.Status.ShouldBe("Negotiating");
        notTheirs.StatusCode.ShouldBe(StatusCode.NotFound, "no company of CN is party to a dispute between two of this hub's");
        escalation.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        escalation.Trailers.GetValue("reason").ShouldBe("decided-here");
        await using var db = host.Db();
        (await db.Disputes.SingleAsync(d => d.OrderId == order.ToString())).Status.ShouldBe(DisputeStatus.Negotiating);
    }
}
