using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Contracts.Customs;
using Hub.Contracts.Logistics;
using Hub.Contracts.Payment;
using Hub.Contracts.TaxRefund;
using Hub.Contracts.Values;
using Hub.TaxRefund.Tests.Endpoints;
using Hub.Testing;

namespace Hub.TaxRefund.Tests.Application;

public sealed class ClaimDeskAutoFileTests(AutoFilingHost host) : IClassFixture<AutoFilingHost>
{
    private static readonly CompanyId Supplier = CompanyId.Parse("KR-C-000401");
    private static readonly DateTime ClearedAt = new(2026, 11, 21, 3, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Evidence_CompleteWithInvoiceRegistered_FiledAutomaticallyThenPaidOnce()
    {
        const string order = "KR-O-000401";
        using var supplier = host.Sme(Supplier);
        using var op = host.Operator();
        await ClaimEndpointsTests.BookAsync(host, order, Supplier);
        (await ClaimEndpointsTests.RegisterInvoiceAsync(supplier, order, "INV-401", "610910", 2_200_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);

        await PublishEvidenceAsync(order);
        var claim = await WaitForAsync(supplier, order, "Filed");

        claim.GetProperty("filedBy").GetString().ShouldBe("automatic");
        claim.GetProperty("refundMinorUnits").GetInt64().ShouldBe(200_000);
        var id = claim.GetProperty("id").GetString()!;
        (await host.EventsAsync<RefundClaimFiled>(id)).Count.ShouldBe(1);
        (await op.PostAsync($"/api/tax-refund/claims/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        host.Payment.Calls(id).ShouldBe(1);
        host.Payment.Paid(id)!.Amount.MinorUnits.ShouldBe(200_000);
    }

    [Fact]
    public async Task Invoice_RegisteredAfterEvidence_FilesTheReadyClaim()
    {
        const string order = "KR-O-000402";
        using var supplier = host.Sme(Supplier);
        await PublishEvidenceAsync(order);
        await WaitForAsync(supplier, order, "Ready");

        (await ClaimEndpointsTests.RegisterInvoiceAsync(supplier, order, "INV-402", "610910", 110_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var claim = await WaitForAsync(supplier, order, "Filed");
        claim.GetProperty("refundMinorUnits").GetInt64().ShouldBe(10_000);
    }

    [Fact]
    public async Task Invoice_RegisteredAfterAutomaticFiling_FiledAgainWithEveryInvoiceUntilDecided()
    {
        const string order = "KR-O-000403";
        using var supplier = host.Sme(Supplier);
        using var op = host.Operator();
        await ClaimEndpointsTests.BookAsync(host, order, Supplier);
        (await ClaimEndpointsTests.RegisterInvoiceAsync(supplier, order, "INV-403-1", "610910", 110_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);
        await PublishEvidenceAsync(order);
        var id = (await WaitForAsync(supplier, order, "Filed")).GetProperty("id").GetString()!;

        (await ClaimEndpointsTests.RegisterInvoiceAsync(supplier, order, "INV-403-2", "610910", 220_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Created);

        var refiled = await supplier.GetFromJsonAsync<JsonElement>($"/api/tax-refund/claims/{id}");
        refiled.GetProperty("state").GetString().ShouldBe("Filed");
        refiled.GetProperty("filedBy").GetString().ShouldBe("automatic");
        refiled.GetProperty("refundMinorUnits").GetInt64().ShouldBe(30_000);
        (await host.EventsAsync<RefundClaimFiled>(id)).Select(e => e.GetProperty("refundMinorUnits").GetInt64()).Order().ShouldBe([10_000, 30_000]);

        var otherCurrency = await supplier.PostAsJsonAsync("/api/tax-refund/invoices", new
        {
            invoiceNumber = "INV-403-3", orderId = order, productId = "KR-P-000001", hsCode = "610910", quantity = 1m,
            amountInclVatMinorUnits = 1_100L, currency = "USD", vatRate = 0.10m,
        });
        otherCurrency.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await supplier.GetFromJsonAsync<JsonElement>($"/api/tax-refund/invoices?orderId={order}")).GetArrayLength().ShouldBe(2);

        (await op.PostAsync($"/api/tax-refund/claims/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ClaimEndpointsTests.RegisterInvoiceAsync(supplier, order, "INV-403-4", "610910", 110_000, 0.10m)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        host.Payment.Paid(id)!.Amount.MinorUnits.ShouldBe(30_000);
        (await supplier.GetFromJsonAsync<JsonElement>($"/api/tax-refund/invoices?orderId={order}")).GetArrayLength().ShouldBe(2);
    }

    private async Task PublishEvidenceAsync(string order)
    {
        await host.PublishAsync(new EscrowReleased(order, Supplier.ToString(), 1_000, "USD", 1_350_000, 13_500, "KRW", false, ClearedAt.AddDays(4)));
        await host.PublishAsync(new ShipmentDeparted(Guid.NewGuid(), "MB-" + order, "KR", "CN", "Sea", ["KR-C-000999"], [order], ClearedAt.AddHours(6)));
        await host.PublishAsync(new ExportCleared(order, "KR-D-000" + order[^3..], "KR", "LRN", "MRN", "KRW", 0, 0, ClearedAt));
    }

    private static async Task<JsonElement> WaitForAsync(HttpClient client, string order, string state)
    {
        JsonElement found = default;
        await Eventually.TrueAsync(async () =>
        {
            var claims = await client.GetFromJsonAsync<JsonElement>($"/api/tax-refund/claims?orderId={order}");
            var match = claims.EnumerateArray().Where(c => c.GetProperty("orderId").GetString() == order).ToList();
            found = match.Count == 1 ? match[0] : default;
            return match.Count == 1 && match[0].GetProperty("state").GetString() == state;
        }, TimeSpan.FromSeconds(20), $"the claim of {order} is {state}");
        return found;
    }
}
