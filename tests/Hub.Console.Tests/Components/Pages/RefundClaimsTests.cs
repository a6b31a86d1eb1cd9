using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Console.Tests.Services;
using Hub.Contracts.Customs;
using Hub.Contracts.Logistics;
using Hub.Contracts.Payment;
using Hub.Testing;

namespace Hub.Console.Tests.Components.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class RefundClaimsTests(ConsoleFixture fixture)
{
    private static readonly DateTime ClearedAt = new(2026, 11, 20, 9, 30, 0, DateTimeKind.Utc);

    [Fact]
    public async Task RefundClaims_AFiledClaim_IsListedWithItsRefund_AndApprovingMovesItOn()
    {
        var (id, refund) = await FiledClaimAsync();
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync("refund-claims");

        await console.ScreenshotAsync("refund-claims-filed");
        var row = $"tr[data-claim='{id}']";
        (await console.Page.InnerTextAsync($"{row} td.refund")).ShouldBe($"KRW {refund.ToString("N0", CultureInfo.InvariantCulture)}");
        (await console.Page.InnerTextAsync($"{row} td.state")).ShouldBe("Filed");

        await console.Page.ClickAsync($"{row} button.approve");

        // The payout goes nowhere in this hub, so the approved claim waits for it.
        await console.ScreenshotAsync("refund-claim-approved");
        (await console.Page.InnerTextAsync("#outcome")).ShouldBe($"Claim {id} is Approved.");
        (await console.Page.Locator(row).CountAsync()).ShouldBe(0);
        (await ClaimAsync(id)).GetProperty("state").GetString().ShouldBe("Approved");
        await console.GoAsync("refund-claims?state=Approved");
        (await console.Page.Locator($"{row} button.pay").CountAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task Reject_WithAReason_RejectsTheClaim()
    {
        var (id, _) = await FiledClaimAsync();
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();
        await console.GoAsync("refund-claims");
        var row = $"tr[data-claim='{id}']";

        await console.Page.FillAsync($"{row} input.reason", "Invoice does not match the declaration.");
        await console.Page.ClickAsync($"{row} button.reject");

        await console.ScreenshotAsync("refund-claim-rejected");
        (await console.Page.InnerTextAsync("#outcome")).ShouldBe($"Claim {id} is Rejected.");
        var claim = await ClaimAsync(id);
        claim.GetProperty("state").GetString().ShouldBe("Rejected");
        claim.GetProperty("rejectionReason").GetString().ShouldBe("Invoice does not match the declaration.");
    }

    [Fact]
    public async Task RefundClaims_AfterAClaim_ListsTheClaimsFiledAfterIt_WithALinkBackToTheFirstPage()
    {
        var (first, _) = await FiledClaimAsync();
        var (second, _) = await FiledClaimAsync();
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync($"refund-claims?state=Filed&after={first}");

        (await console.Page.Locator($"tr[data-claim='{first}']").CountAsync()).ShouldBe(0);
        (await console.Page.Locator($"tr[data-claim='{second}']").CountAsync()).ShouldBe(1);
        (await console.Page.GetAttributeAsync("#first-page", "href")).ShouldBe("refund-claims?state=Filed");
    }

    /// <summary>A claim with its evidence complete, filed by its supplier: the claim id and its refund in KRW.</summary>
    private async Task<(string Id, long Refund)> FiledClaimAsync()
    {
        var services = fixture.Services;
        var supplier = HubServices.NewCompany();
        var order = HubServices.NewOrder().ToString();
        using var asSupplier = HubServices.Sme(services.TaxRefund, supplier);
        await services.PublishToTaxRefundAsync(new ExportCleared(order, $"KR-D-{order[5..]}", "KR", $"LRN-{order}", $"MRN-{order}", "KRW", 0, 0, ClearedAt));
        await services.PublishToTaxRefundAsync(new ShipmentDeparted(Guid.NewGuid(), $"MB-{order}", "KR", "CN", "Sea", ["KR-C-000904"], [order], ClearedAt));
        await services.PublishToTaxRefundAsync(new EscrowReleased(order, supplier.ToString(), 100, "USD", 135_000, 1_350, "KRW", false, ClearedAt));

        JsonElement claim = default;
        await Eventually.TrueAsync(async () =>
        {
            var claims = await asSupplier.GetFromJsonAsync<JsonElement>("/api/tax-refund/claims");
            claim = claims.EnumerateArray().FirstOrDefault(c => c.GetProperty("orderId").GetString() == order);
            return claim.ValueKind == JsonValueKind.Object && claim.GetProperty("state").GetString() == "Ready";
        }, TimeSpan.FromSeconds(30), $"the claim of order {order} is ready");

        // The supplier registers its invoice once the hub knows the order is its own (here from its payment).
        (await asSupplier.PostAsJsonAsync("/api/tax-refund/invoices", new
        {
            invoiceNumber = $"INV-{order}", orderId = order, productId = "KR-P-000001", hsCode = "610910", quantity = 10m,
            amountInclVatMinorUnits = 110_000, currency = "KRW", vatRate = 0.10m,
        })).EnsureSuccessStatusCode();
        var id = claim.GetProperty("id").GetString()!;
        var filed = await asSupplier.PostAsync($"/api/tax-refund/claims/{id}/file", null);
        filed.EnsureSuccessStatusCode();
        return (id, (await filed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refundMinorUnits").GetInt64());
    }

    private async Task<JsonElement> ClaimAsync(string id)
    {
        using var op = HubServices.Operator(fixture.Services.TaxRefund);
        return await op.GetFromJsonAsync<JsonElement>($"/api/tax-refund/claims/{id}");
    }
}
