using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.V1;
using Hub.Testing;

namespace Hub.Payment.Tests.Endpoints;

/// <summary>
/// The protection window (30 days after the release, the seed's terms): the buyer still disputes a released order, and
/// an operator's refund is clawed back from the supplier — from its wallet here, or through the hub it banks with.
/// </summary>
public sealed class DisputeAfterReleaseTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task DisputeAfterRelease_WithinTheWindow_PartialRefund_ClawsBackTheSuppliersShareAndThePlatformsFee()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });
        var feesBefore = (await host.AccountsAsync(PaymentHost.Hub.ToString()))["PlatformFees KRW"];
        using var asBuyer = host.Sme(buyer);
        using var asOperator = host.Operator();

        var opened = await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Half the lot failed inspection after unpacking" });
        host.Clock.Advance(TimeSpan.FromDays(3));
        (await asBuyer.PostAsync($"/api/payment/escrows/{order}/dispute/escalation", null)).EnsureSuccessStatusCode();
        var decided = await asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision",
            new { decision = "partial-refund", refund = new { minorUnits = 400_000, currency = "KRW" } });
        var again = await asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision",
            new { decision = "partial-refund", refund = new { minorUnits = 400_000, currency = "KRW" } });

        opened.StatusCode.ShouldBe(HttpStatusCode.Created);
        decided.StatusCode.ShouldBe(HttpStatusCode.OK);
        again.StatusCode.ShouldBe(HttpStatusCode.OK, "the same decision again answers it as decided");
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(400_000);
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(980_000 - 392_000);  // its 98 % of the refund comes back
        (feesBefore - (await host.AccountsAsync(PaymentHost.Hub.ToString()))["PlatformFees KRW"]).ShouldBe(8_000);
        var escrow = await asOperator.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}");
        escrow.GetProperty("status").GetString().ShouldBe("Released");
        escrow.GetProperty("refunded").GetProperty("minorUnits").GetInt64().ShouldBe(400_000);
        escrow.GetProperty("protectedUntil").GetDateTime().ToUniversalTime()
            .ShouldBe(escrow.GetProperty("releasedAt").GetDateTime().ToUniversalTime().AddDays(30), TimeSpan.FromSeconds(1));
        (await host.EventsAsync<EscrowReleased>(order.ToString())).ShouldHaveSingleItem().GetProperty("protectedUntil").GetDateTime().ToUniversalTime()
            .ShouldBe(escrow.GetProperty("protectedUntil").GetDateTime().ToUniversalTime(), TimeSpan.FromMilliseconds(1), "the order is told the window");
        (await host.EventsAsync<DisputeResolved>(order.ToString())).ShouldHaveSingleItem().GetProperty("refundedMinorUnits").GetInt64().ShouldBe(400_000);
        (await host.PostingsAsync($"refund:{order}:dispute")).ShouldBe(1);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);

        // One dispute per order: decided, it is not opened again.
        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "And the rest" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task DisputeAfterRelease_PastTheWindow_IsRefusedAndChangesNothing()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 10_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 10_000, "KRW"));
        await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });
        using var asBuyer = host.Sme(buyer);

        host.Clock.Advance(TimeSpan.FromDays(31));
        HttpResponseMessage late;
        try
        {
            late = await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Found a defect" });
        }
        finally
        {
            host.Clock.Advance(TimeSpan.FromDays(-31));
        }

        late.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await late.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString().ShouldBe("protection-ended");
        (await host.EventsAsync<DisputeOpened>(order.ToString())).ShouldBeEmpty();
    }

    [Fact]
    public async Task DisputeAfterRelease_SupplierOfAnotherHub_RefundInFull_ClawsBackThroughThatHub()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company("CN"), Ids.Order());
        var quote = await host.QuoteAsync(buyer, "KRW", 10_000_00, "CNY");
        await host.CreditAsync(buyer, quote.Pay.MinorUnits, "KRW");
        await host.SecureAsync(order, buyer, supplier, quote);
        var owedBefore = (await host.AccountsAsync("CN")).GetValueOrDefault("PartnerHub CNY");
        await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });
        ((await host.AccountsAsync("CN"))["PartnerHub CNY"] - owedBefore).ShouldBe(9_800_00, "hub CN is owed the supplier's share");
        using var asBuyer = host.Sme(buyer);
        using var asOperator = host.Operator();

        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "Wrong goods shipped" })).EnsureSuccessStatusCode();
        host.Clock.Advance(TimeSpan.FromDays(3));
        (await asBuyer.PostAsync($"/api/payment/escrows/{order}/dispute/escalation", null)).EnsureSuccessStatusCode();
        (await asOperator.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute/decision", new { decision = "refund" })).EnsureSuccessStatusCode();

        (await host.WalletAsync(buyer, "KRW")).ShouldBe(quote.Pay.MinorUnits);
        ((await host.AccountsAsync("CN"))["PartnerHub CNY"] - owedBefore).ShouldBe(0, "what hub CN was owed is clawed back");
        var sent = (await host.EventsToHubAsync<SupplierClawbackSent>(HubId.Parse("CN"), order.ToString())).ShouldHaveSingleItem();
        sent.GetProperty("supplierCompany").GetString().ShouldBe(supplier.ToString());
        sent.GetProperty("amountMinorUnits").GetInt64().ShouldBe(9_800_00);
        sent.GetProperty("currency").GetString().ShouldBe("CNY");
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    [Fact]
    public async Task SupplierClawbackSent_ByTheHubThatOwnsTheOrder_ChargesThisHubsSupplierOnce_OthersAreRefused()
    {
        var (supplier, order) = (Ids.Company(), Ids.Order("CN"));
        var owedBefore = (await host.AccountsAsync("CN")).GetValueOrDefault("PartnerHub KRW");
        var clawback = new SupplierClawbackSent(order.ToString(), supplier.ToString(), 392_000, "KRW", "CN", Guid.NewGuid(), DateTime.UtcNow);

        await host.PublishAsync(clawback, sourceHub: "MY");
        await host.PublishAsync(clawback with { FromHub = "MY" }, sourceHub: "MY");
        await host.PublishAsync(clawback, sourceHub: "CN");
        await host.PublishAsync(clawback, sourceHub: "CN");

        await Eventually.TrueAsync(async () => await host.WalletAsync(supplier, "KRW") == -392_000, TimeSpan.FromSeconds(20), "the supplier is charged");
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(-392_000);
        (await host.PostingsAsync($"clawback:{order}")).ShouldBe(1);
        ((await host.AccountsAsync("CN")).GetValueOrDefault("PartnerHub KRW") - owedBefore).ShouldBe(392_000, "what hub CN owes this hub falls by it");
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }
}
