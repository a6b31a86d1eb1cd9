extern alias payment;

using System.Net.Http.Json;
using Hub.Console.Tests.Services;
using Hub.Contracts.Values;

namespace Hub.Console.Tests.Components.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class PartnerBalancesTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task PartnerBalances_WhatThisHubOwesAPartner_IsShown_AndATransferRecordedLowersIt_NeverBelowZero()
    {
        var services = fixture.Services;
        var (buyer, supplier, order) = (HubServices.NewCompany(), new CompanyId(HubId.Parse("CN"), Random.Shared.Next(900_000, 999_999)), HubServices.NewOrder());
        var quote = await services.PaymentGrpc.QuoteFxAsync(new payment::Hub.Payment.V1.QuoteFxRequest
        {
            BuyerCompany = buyer.ToString(), PayCurrency = "KRW", Settlement = new payment::Hub.Payment.V1.Money { MinorUnits = 10_000_00, Currency = "CNY" },
        });
        using (var op = HubServices.Operator(services.Payment))
        {
            (await op.PostAsJsonAsync($"/api/payment/wallets/{buyer}/credits",
                new { amount = new { minorUnits = quote.Pay.MinorUnits, currency = "KRW" }, idempotencyKey = Guid.NewGuid().ToString() })).EnsureSuccessStatusCode();
        }

        await services.PaymentGrpc.SecureFundsAsync(new payment::Hub.Payment.V1.SecureFundsRequest
        {
            OrderId = order.ToString(), BuyerCompany = buyer.ToString(), SupplierCompany = supplier.ToString(), Amount = quote.Pay, QuoteId = quote.QuoteId,
        });
        await services.PaymentGrpc.ReleaseAsync(new payment::Hub.Payment.V1.ReleaseRequest { OrderId = order.ToString() });
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync("partner-balances");

        await console.ScreenshotAsync("partner-balances");
        const string row = "tr[data-balance='CN-CNY']";
        var owed = MinorMoney(await console.Page.InnerTextAsync($"{row} td.owed-to"));
        owed.ShouldBeGreaterThanOrEqualTo(9_800_00);
        (await console.Page.InnerTextAsync($"{row} td.owed-by")).ShouldBe("CNY 0.00");

        await console.Page.SelectOptionAsync($"{row} select.direction", "paid");
        await console.Page.FillAsync($"{row} input.amount", "5000");
        await console.Page.FillAsync($"{row} input.reference", "wire 2026-12-07/0042");
        await console.Page.ClickAsync($"{row} button.settle");

        await console.ScreenshotAsync("partner-settlement-recorded");
        (await console.Page.InnerTextAsync("#outcome")).ShouldStartWith("Recorded the transfer with hub CN");
        MinorMoney(await console.Page.InnerTextAsync($"{row} td.owed-to")).ShouldBe(owed - 5_000_00);

        // More than is owed: payment refuses, and the page shows its problem as it came.
        await console.Page.SelectOptionAsync($"{row} select.direction", "received");
        await console.Page.FillAsync($"{row} input.amount", "1");
        await console.Page.FillAsync($"{row} input.reference", "not owed");
        await console.Page.ClickAsync($"{row} button.settle");

        (await console.Page.GetAttributeAsync(".problem", "data-status")).ShouldBe("409");
        MinorMoney(await console.Page.InnerTextAsync($"{row} td.owed-to")).ShouldBe(owed - 5_000_00);
    }

    // "CNY 9,800.00" → 980000.
    private static long MinorMoney(string text) => (long)(decimal.Parse(text.Split(' ')[1], System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture) * 100);
}
