using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.V1;

namespace Hub.Payment.Tests.Grpc;

/// <summary>
/// The payee is screened against the hub's denied-party list before its escrow is released; a hit holds the release
/// for the operators, who release it (a false match) or refund the buyer (a confirmed one).
/// </summary>
public sealed class PayeeScreeningTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task Release_PayeeOnTheList_IsHeldMovesNothingAndIsListedForTheOperators()
    {
        var (buyer, supplier, order, payee) = await DeniedAsync();
        var escrowBefore = (await host.AccountsAsync(order.ToString()))["Escrow KRW"];

        var first = await Should.ThrowAsync<RpcException>(() => ReleaseAsync(order));
        var again = await Should.ThrowAsync<RpcException>(() => ReleaseAsync(order));

        foreach (var refusal in new[] { first, again })
        {
            refusal.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
            refusal.Trailers.GetValue("reason").ShouldBe("payee-held");
        }

        host.Screening.Screened.Count(s => s == payee).ShouldBe(1, "a held release waits for the operators, not for another screening");
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(0);
        (await host.AccountsAsync(order.ToString()))["Escrow KRW"].ShouldBe(escrowBefore);
        (await host.EventsAsync<EscrowReleased>(order.ToString())).ShouldBeEmpty();
        var held = (await host.EventsAsync<EscrowReleaseHeld>(order.ToString())).ShouldHaveSingleItem();
        held.GetProperty("listVersion").GetInt32().ShouldBe(host.Screening.ListVersion);

        using var op = host.Operator();
        var holds = await op.GetFromJsonAsync<JsonElement>("/api/payment/payee-holds");
        var listed = holds.EnumerateArray().Single(e => e.GetProperty("orderId").GetString() == order.ToString()).GetProperty("payeeScreening");
        listed.GetProperty("payee").GetString().ShouldBe(payee);
        listed.GetProperty("held").GetBoolean().ShouldBeTrue();
        listed.GetProperty("score").GetDouble().ShouldBe(0.9712);
        listed.GetProperty("matchedName").GetString().ShouldBe(payee.ToUpperInvariant());

        using var sme = host.Sme(buyer);
        var seenByBuyer = await sme.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}");
        seenByBuyer.GetProperty("payeeScreening").ValueKind.ShouldBe(JsonValueKind.Null, "the screening is the operators' business");
        (await sme.GetAsync("/api/payment/payee-holds")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Release_PayeeMatchingAListedNameLongerThanTheEscrowKeeps_IsHeldWithTheNameCutToFit()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        var payee = $"Long Listed Trading {Guid.NewGuid():N}";
        host.Screening.Deny(payee, listedAs: payee + " also trading as " + new string('X', 300));
        await SecureAsync(buyer, supplier, order, payee);

        var refusal = await Should.ThrowAsync<RpcException>(() => ReleaseAsync(order));

        refusal.Trailers.GetValue("reason").ShouldBe("payee-held");
        using var op = host.Operator();
        var matched = (await op.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}")).GetProperty("payeeScreening").GetProperty("matchedName").GetString()!;
        matched.Length.ShouldBeLessThanOrEqualTo(200);
        matched.ShouldStartWith(payee);
    }

    [Fact]
    public async Task DecidePayee_Release_PaysTheSupplierOnce()
    {
        var (_, supplier, order, _) = await DeniedAsync();
        await Should.ThrowAsync<RpcException>(() => ReleaseAsync(order));
        using var op = host.Operator();

        var decided = await op.PostAsJsonAsync($"/api/payment/payee-holds/{order}/decision", new { decision = "release", note = "a namesake: registry number differs" });
        var repeated = await op.PostAsJsonAsync($"/api/payment/payee-holds/{order}/decision", new { decision = "Release", note = "sent twice" });
        var released = await ReleaseAsync(order);

        decided.StatusCode.ShouldBe(HttpStatusCode.OK);
        repeated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await decided.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("status").GetString().ShouldBe("Released");
        body.GetProperty("payeeScreening").GetProperty("decision").GetString().ShouldBe("Release");
        body.GetProperty("payeeScreening").GetProperty("note").GetString().ShouldBe("a namesake: registry number differs");
        released.Replayed.ShouldBeTrue();
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(980_000);
        (await host.EventsAsync<EscrowReleased>(order.ToString())).ShouldHaveSingleItem().GetProperty("automatic").GetBoolean().ShouldBeFalse();
        var holds = await op.GetFromJsonAsync<JsonElement>("/api/payment/payee-holds");
        holds.EnumerateArray().ShouldNotContain(e => e.GetProperty("orderId").GetString() == order.ToString());
    }

    [Fact]
    public async Task DecidePayee_Refund_GivesTheBuyerEverythingBackAndReleasesNothing()
    {
        var (buyer, supplier, order, _) = await DeniedAsync();
        await Should.ThrowAsync<RpcException>(() => ReleaseAsync(order));
        using var op = host.Operator();

        var decided = await op.PostAsJsonAsync($"/api/payment/payee-holds/{order}/decision", new { decision = "refund", note = "confirmed against the listing" });
        var switched = await op.PostAsJsonAsync($"/api/payment/payee-holds/{order}/decision", new { decision = "release", note = "second thoughts" });
        var release = await Should.ThrowAsync<RpcException>(() => ReleaseAsync(order));

        decided.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await decided.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString().ShouldBe("Refunded");
        switched.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        release.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(1_000_000);
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(0);
        (await host.EventsAsync<EscrowReleased>(order.ToString())).ShouldBeEmpty();
        var refused = (await host.EventsAsync<EscrowReleaseRefused>(order.ToString())).ShouldHaveSingleItem();
        refused.GetProperty("refundedMinorUnits").GetInt64().ShouldBe(1_000_000);
        refused.GetProperty("note").GetString().ShouldBe("confirmed against the listing");
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0m);
    }

    [Fact]
    public async Task Release_PayeeNotOnTheList_RecordsTheScreeningItWasReleasedOn()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        var payee = $"Clean Exports {Guid.NewGuid():N}";
        await SecureAsync(buyer, supplier, order, payee);

        var released = await ReleaseAsync(order);

        released.PaidToSupplier.MinorUnits.ShouldBe(980_000);
        host.Screening.Screened.ShouldContain(payee);
        using var op = host.Operator();
        var screening = (await op.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}")).GetProperty("payeeScreening");
        screening.GetProperty("held").GetBoolean().ShouldBeFalse();
        screening.GetProperty("score").GetDouble().ShouldBe(0.41);
        screening.GetProperty("listVersion").GetInt32().ShouldBe(host.Screening.ListVersion);
        screening.GetProperty("screenedAt").ValueKind.ShouldBe(JsonValueKind.String);
    }

    [Fact]
    public async Task Release_NoSupplierName_ScreensTheCompanyId()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await SecureAsync(buyer, supplier, order, payee: "");

        await ReleaseAsync(order);

        host.Screening.Screened.ShouldContain(supplier.ToString());
    }

    [Fact]
    public async Task Release_ScreeningDoesNotAnswer_ReleasesNothing()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await SecureAsync(buyer, supplier, order, $"Quiet Day Trading {Guid.NewGuid():N}");
        host.Screening.Unavailable = true;
        try
        {
            var refusal = await Should.ThrowAsync<RpcException>(() => ReleaseAsync(order));

            refusal.StatusCode.ShouldBe(StatusCode.Unavailable);
        }
        finally
        {
            host.Screening.Unavailable = false;
        }

        (await host.WalletAsync(supplier, "KRW")).ShouldBe(0);
        (await host.EventsAsync<EscrowReleased>(order.ToString())).ShouldBeEmpty();
        (await ReleaseAsync(order)).PaidToSupplier.MinorUnits.ShouldBe(980_000, "released once customs answers again");
    }

    [Theory]
    [InlineData("maybe", "a reason", "decision")]
    [InlineData("release", "", "note")]
    [InlineData(null, "a reason", "decision")]
    public async Task DecidePayee_BadDecision_IsAValidationProblemAndChangesNothing(string? decision, string note, string field)
    {
        var (_, _, order, _) = await DeniedAsync();
        await Should.ThrowAsync<RpcException>(() => ReleaseAsync(order));
        using var op = host.Operator();

        var response = await op.PostAsJsonAsync($"/api/payment/payee-holds/{order}/decision", new { decision, note });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        var holds = await op.GetFromJsonAsync<JsonElement>("/api/payment/payee-holds");
        holds.EnumerateArray().ShouldContain(e => e.GetProperty("orderId").GetString() == order.ToString());
    }

    [Fact]
    public async Task DecidePayee_NothingHeld_IsAConflict()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await SecureAsync(buyer, supplier, order, $"Held Nowhere {Guid.NewGuid():N}");
        using var op = host.Operator();

        var response = await op.PostAsJsonAsync($"/api/payment/payee-holds/{order}/decision", new { decision = "release", note = "nothing to decide" });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().ShouldBe("payee-not-held");
    }

    // A KRW order of 1,000,000 whose payee, named on the denied-party list, is secured.
    private async Task<(CompanyId Buyer, CompanyId Supplier, OrderId Order, string Payee)> DeniedAsync()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        var payee = $"Shadow Fleet Trading {Guid.NewGuid():N}";
        host.Screening.Deny(payee);
        await SecureAsync(buyer, supplier, order, payee);
        return (buyer, supplier, order, payee);
    }

    private async Task SecureAsync(CompanyId buyer, CompanyId supplier, OrderId order, string payee)
    {
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"), payee);
    }

    private async Task<ReleaseReply> ReleaseAsync(OrderId order) => await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });
}
