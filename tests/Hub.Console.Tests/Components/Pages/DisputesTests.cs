extern alias payment;

using System.Net.Http.Json;
using System.Text.Json;
using Hub.Console.Tests.Services;
using Hub.Contracts.Values;

namespace Hub.Console.Tests.Components.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class DisputesTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Disputes_AnEscalatedDispute_IsListed_AndAPartialRefundSettlesIt()
    {
        var order = await EscalatedDisputeAsync(1_000_000, "Half the lot is missing");
        var negotiating = await DisputeAsync(500_000, "Wrong colour");
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync("disputes");

        await console.ScreenshotAsync("disputes");
        var row = $"tr[data-order='{order}']";
        (await console.Page.InnerTextAsync($"{row} td.reason")).ShouldBe("Half the lot is missing");
        (await console.Page.InnerTextAsync($"{row} td.held")).ShouldBe("KRW 1,000,000");
        (await console.Page.InnerTextAsync($"{row} td.state")).ShouldStartWith("Escalated");
        (await console.Page.InnerTextAsync($"tr[data-order='{negotiating}']")).ShouldContain("waits for escalation");

        // More than is held: the payment service refuses, and the page shows its problem as it came.
        await console.Page.SelectOptionAsync($"{row} select.decision", "partial-refund");
        await console.Page.FillAsync($"{row} input.refund", "2000000");
        await console.Page.ClickAsync($"{row} button.decide");

        await console.ScreenshotAsync("dispute-decision-refused");
        (await console.Page.GetAttributeAsync(".problem", "data-status")).ShouldBe("400");
        (await console.Page.InnerTextAsync(".problem")).ShouldContain("refund");
        (await EscrowAsync(order)).GetProperty("refunded").GetProperty("minorUnits").GetInt64().ShouldBe(0);

        await console.Page.SelectOptionAsync($"{row} select.decision", "partial-refund");
        await console.Page.FillAsync($"{row} input.refund", "400000");
        await console.Page.ClickAsync($"{row} button.decide");

        await console.ScreenshotAsync("dispute-decided");
        (await console.Page.InnerTextAsync("#outcome")).ShouldBe($"Decided the dispute of order {order}: PartialRefund.");
        (await console.Page.Locator(row).CountAsync()).ShouldBe(0);
        var escrow = await EscrowAsync(order);
        escrow.GetProperty("refunded").GetProperty("minorUnits").GetInt64().ShouldBe(400_000);
        escrow.GetProperty("status").GetString().ShouldBe("Released");
    }

    [Fact]
    public async Task Disputes_OfAReleasedOrderWithinItsProtectionWindow_IsListedAsReleased_AndARefundClawsItBack()
    {
        var services = fixture.Services;
        var (order, buyer, supplier) = await services.SecureEscrowAsync(300_000);
        await services.PaymentGrpc.ReleaseAsync(new payment::Hub.Payment.V1.ReleaseRequest { OrderId = order.ToString() });
        using (var asBuyer = HubServices.Sme(services.Payment, buyer))
        {
            (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason = "The lot failed inspection" })).EnsureSuccessStatusCode();
        }

        await EscalateAsync(order, buyer);
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync("disputes");

        var row = $"tr[data-order='{order}']";
        (await console.Page.InnerTextAsync($"{row} td.held")).ShouldBe("KRW 300,000 (released)");
        await console.Page.SelectOptionAsync($"{row} select.decision", "refund");
        await console.Page.ClickAsync($"{row} button.decide");

        (await console.Page.InnerTextAsync("#outcome")).ShouldBe($"Decided the dispute of order {order}: Refund.");
        var escrow = await EscrowAsync(order);
        escrow.GetProperty("refunded").GetProperty("minorUnits").GetInt64().ShouldBe(300_000);
        escrow.GetProperty("status").GetString().ShouldBe("Released");
        using var op = HubServices.Operator(services.Payment);
        var wallet = await op.GetFromJsonAsync<JsonElement>($"/api/payment/wallets/{supplier}");
        wallet.GetProperty("balances").EnumerateArray().Single(b => b.GetProperty("currency").GetString() == "KRW").GetProperty("minorUnits").GetInt64()
            .ShouldBe(0, "the supplier's settlement is clawed back");
    }

    private async Task<OrderId> EscalatedDisputeAsync(long krw, string reason)
    {
        var (order, buyer) = await OpenDisputeAsync(krw, reason);
        await EscalateAsync(order, buyer);
        return order;
    }

    private async Task EscalateAsync(OrderId order, CompanyId buyer)
    {
        var services = fixture.Services;
        var negotiation = await DisputeBodyAsync(order);
        services.PaymentClock.Advance(negotiation.GetProperty("negotiationEndsAt").GetDateTime() - services.PaymentClock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1));
        using var asBuyer = HubServices.Sme(services.Payment, buyer);
        (await asBuyer.PostAsync($"/api/payment/escrows/{order}/dispute/escalation", null)).EnsureSuccessStatusCode();
    }

    private async Task<OrderId> DisputeAsync(long krw, string reason) => (await OpenDisputeAsync(krw, reason)).Order;

    private async Task<(OrderId Order, CompanyId Buyer)> OpenDisputeAsync(long krw, string reason)
    {
        var services = fixture.Services;
        var (order, buyer, _) = await services.SecureEscrowAsync(krw);
        using var asBuyer = HubServices.Sme(services.Payment, buyer);
        (await asBuyer.PostAsJsonAsync($"/api/payment/escrows/{order}/dispute", new { reason })).EnsureSuccessStatusCode();
        return (order, buyer);
    }

    private async Task<JsonElement> DisputeBodyAsync(OrderId order)
    {
        using var op = HubServices.Operator(fixture.Services.Payment);
        return await op.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}/dispute");
    }

    private async Task<JsonElement> EscrowAsync(OrderId order)
    {
        using var op = HubServices.Operator(fixture.Services.Payment);
        return await op.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}");
    }
}
