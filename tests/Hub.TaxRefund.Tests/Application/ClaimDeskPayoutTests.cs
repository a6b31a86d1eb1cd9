using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Hub.Contracts.Customs;
using Hub.Contracts.Logistics;
using Hub.Contracts.Payment;
using Hub.Contracts.TaxRefund;
using Hub.Contracts.Values;
using Hub.TaxRefund.Tests.Endpoints;

namespace Hub.TaxRefund.Tests.Application;

public sealed class ClaimDeskPayoutTests(TaxRefundHost host) : IClassFixture<TaxRefundHost>
{
    private static readonly CompanyId Supplier = CompanyId.Parse("KR-C-000151");
    private static readonly DateTime ClearedAt = new(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task File_RefundPastTheLargestPayout_ConflictNamingTheLimitAndStaysReady()
    {
        const string order = "KR-O-000160";
        using var supplier = host.Sme(Supplier);

        // Net 10,000,000,000,000,010 at KR's 10 %: a refund one won past 10^15.
        var id = await ReadyClaimAsync(supplier, order, 11_000_000_000_000_011);

        var filed = await supplier.PostAsync($"/api/tax-refund/claims/{id}/file", null);

        filed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        filed.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await filed.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString()!.ShouldContain("payout");
        problem.GetProperty("detail").GetString()!.ShouldContain(Money.FromMinorUnits(Money.MaxAmountMinorUnits, CurrencyCode.KRW).ToString());
        await ClaimEndpointsTests.WaitForClaimAsync(supplier, order, "Ready");
        (await host.EventsAsync<RefundClaimFiled>(id)).ShouldBeEmpty();
    }

    [Fact]
    public async Task File_RefundOfExactlyTheLargestPayout_FiledAndPaid()
    {
        const string order = "KR-O-000161";
        using var supplier = host.Sme(Supplier);
        using var op = host.Operator();
        var id = await ReadyClaimAsync(supplier, order, 11_000_000_000_000_000);

        var filed = await supplier.PostAsync($"/api/tax-refund/claims/{id}/file", null);

        filed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refundMinorUnits").GetInt64().ShouldBe(Money.MaxAmountMinorUnits);
        var approved = await op.PostAsync($"/api/tax-refund/claims/{id}/approve", null);
        (await approved.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("Paid");
        host.Payment.Paid(id)!.Amount.MinorUnits.ShouldBe(Money.MaxAmountMinorUnits);
    }

    [Theory]
    [InlineData(StatusCode.InvalidArgument, 0)]
    [InlineData(StatusCode.FailedPrecondition, 1)]
    [InlineData(StatusCode.NotFound, 2)]
    [InlineData(StatusCode.PermissionDenied, 3)]
    public async Task Approve_PaymentServiceRefusesThePayout_ConflictWithItsDetailAndStaysApprovedUntilPaid(StatusCode refusal, int n)
    {
        var order = $"KR-O-00017{n}";
        using var supplier = host.Sme(Supplier);
        using var op = host.Operator();
        var id = await ReadyClaimAsync(supplier, order, 440_000);
        (await supplier.PostAsync($"/api/tax-refund/claims/{id}/file", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        host.Payment.FailWith = refusal;
        HttpResponseMessage approved, paid;
        try
        {
            approved = await op.PostAsync($"/api/tax-refund/claims/{id}/approve", null);
            paid = await op.PostAsync($"/api/tax-refund/claims/{id}/pay", null);
        }
        finally
        {
            host.Payment.FailWith = null;
        }

        foreach (var refused in new[] { approved, paid })
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!.ShouldContain("The payment service refused the payout.");
        }

        (await op.GetFromJsonAsync<JsonElement>($"/api/tax-refund/claims/{id}")).GetProperty("state").GetString().ShouldBe("Approved");
        (await host.EventsAsync<RefundPaid>(id)).ShouldBeEmpty();
        var retried = await op.PostAsync($"/api/tax-refund/claims/{id}/pay", null);
        (await retried.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("state").GetString().ShouldBe("Paid");
        host.Payment.Calls(id).ShouldBe(3);
        (await host.EventsAsync<RefundPaid>(id)).Count.ShouldBe(1);
    }

    /// <summary>A claim of <paramref name="order"/> with all its evidence and one invoice of <paramref name="amountInclVat"/> won at 10 % VAT.</summary>
    private async Task<string> ReadyClaimAsync(HttpClient supplier, string order, long amountInclVat)
    {
        await ClaimEndpointsTests.BookAsync(host, order, Supplier);
        (await ClaimEndpointsTests.RegisterInvoiceAsync(supplier, order, "INV-" + order, "610910", amountInclVat, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await host.PublishAsync(new ExportCleared(order, "KR-D-" + order[^6..], "KR", "LRN-" + order, "MRN-" + order, "KRW", 0, 0, ClearedAt));
        await host.PublishAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-" + order, "KR", "CN", "Sea", ["KR-C-000951"], [order], ClearedAt));
        await host.PublishAsync(new EscrowReleased(order, Supplier.ToString(), 100, "USD", 135_000, 1_350, "KRW", false, ClearedAt));
        return (await ClaimEndpointsTests.WaitForClaimAsync(supplier, order, "Ready")).GetProperty("id").GetString()!;
    }
}
