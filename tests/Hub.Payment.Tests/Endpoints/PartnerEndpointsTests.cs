using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Contracts.Logistics;
using Hub.Payment.V1;
using Hub.Testing;

namespace Hub.Payment.Tests.Endpoints;

/// <summary>What this hub and a partner hub owe each other, and the bank transfers operators record to settle it.</summary>
public sealed class PartnerEndpointsTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task Settlements_PaidToAPartnerThisHubOwes_LowerWhatItOwes_OncePerKey_AndNeverBelowZero()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company("CN"), Ids.Order());
        var quote = await host.QuoteAsync(buyer, "KRW", 10_000_00, "CNY");
        await host.CreditAsync(buyer, quote.Pay.MinorUnits, "KRW");
        await host.SecureAsync(order, buyer, supplier, quote);
        await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });
        using var op = host.Operator();
        var clearingBefore = (await host.AccountsAsync(PaymentHost.Hub.ToString())).GetValueOrDefault("Clearing CNY");

        var owed = await BalanceAsync(op, "CN", "CNY");
        var paid = await SettleAsync(op, "CN", "paid", 5_000_00, "CNY", "wire-2026-12-07");
        var again = await SettleAsync(op, "CN", "paid", 5_000_00, "CNY", "wire-2026-12-07");
        var reused = await SettleAsync(op, "CN", "paid", 4_000_00, "CNY", "wire-2026-12-07");
        var tooMuch = await SettleAsync(op, "CN", "paid", 4_800_01, "CNY", "wire-2026-12-08");
        var wrongWay = await SettleAsync(op, "CN", "received", 1, "CNY", "wire-2026-12-09");

        owed.GetProperty("owedToPartner").GetProperty("minorUnits").GetInt64().ShouldBe(9_800_00);
        owed.GetProperty("owedByPartner").GetProperty("minorUnits").GetInt64().ShouldBe(0);
        paid.StatusCode.ShouldBe(HttpStatusCode.OK);
        var recorded = await paid.Content.ReadFromJsonAsync<JsonElement>();
        recorded.GetProperty("replayed").GetBoolean().ShouldBeFalse();
        recorded.GetProperty("balance").GetProperty("owedToPartner").GetProperty("minorUnits").GetInt64().ShouldBe(4_800_00);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("replayed").GetBoolean().ShouldBeTrue();
        (await ReasonAsync(reused)).ShouldBe("settlement-key-reused");
        (await ReasonAsync(tooMuch)).ShouldBe("settlement-exceeds-balance");
        (await ReasonAsync(wrongWay)).ShouldBe("settlement-exceeds-balance");
        (await BalanceAsync(op, "CN", "CNY")).GetProperty("owedToPartner").GetProperty("minorUnits").GetInt64().ShouldBe(4_800_00);
        // The money left the hub's bank: its clearing account (what it holds there) fell by the transfer.
        ((await host.AccountsAsync(PaymentHost.Hub.ToString()))["Clearing CNY"] - clearingBefore).ShouldBe(-5_000_00);
        (await host.PostingsAsync("partner-settlement:CN:")).ShouldBe(1);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    [Fact]
    public async Task Settlements_ReceivedFromAPartnerThatOwesThisHub_SettleItsFreightBill()
    {
        var bill = new FreightBilled(Guid.NewGuid(), "MB-1", Ids.Consignment().ToString(), Ids.Order("CN").ToString(), Ids.Company("CN").ToString(), 120_000, "KRW", DateTime.UtcNow);
        await host.PublishAsync(bill, sourceHub: null);
        using var op = host.Operator();
        await Eventually.TrueAsync(async () => (await host.PostingsAsync($"freight:{bill.ShipmentId}:")) == 1, TimeSpan.FromSeconds(20), "hub CN owes this hub the freight");
        var before = (await BalanceAsync(op, "CN", "KRW")).GetProperty("owedByPartner").GetProperty("minorUnits").GetInt64();

        var received = await SettleAsync(op, "CN", "received", 120_000, "KRW", $"wire-{Guid.NewGuid():N}");

        received.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await received.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("balance").GetProperty("owedByPartner").GetProperty("minorUnits").GetInt64()
            .ShouldBe(before - 120_000);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    [Fact]
    public async Task Settlements_BadInput_NoAccount_OrNotAnOperator_AreRefusedAndChangeNothing()
    {
        using var op = host.Operator();
        using var sme = host.Sme(Ids.Company());

        (await InvalidFieldAsync(await SettleAsync(op, "CN", "sent", 1_00, "CNY", "x"))).ShouldBe("direction");
        (await InvalidFieldAsync(await SettleAsync(op, "C1", "paid", 1_00, "CNY", "x"))).ShouldBe("hub");
        (await InvalidFieldAsync(await SettleAsync(op, "CN", "paid", 0, "CNY", "x"))).ShouldBe("amount");
        (await InvalidFieldAsync(await op.PostAsJsonAsync("/api/payment/partners/CN/settlements",
            new { direction = "paid", amount = new { minorUnits = 1_00, currency = "CNY" }, idempotencyKey = "k" }))).ShouldBe("reference");
        var unknown = await SettleAsync(op, "JP", "paid", 1_00, "JPY", "x");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sme.GetAsync("/api/payment/partners")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await host.PostingsAsync("partner-settlement:")).ShouldBe(0);
    }

    private static Task<HttpResponseMessage> SettleAsync(HttpClient client, string hub, string direction, long minorUnits, string currency, string key) =>
        client.PostAsJsonAsync($"/api/payment/partners/{hub}/settlements",
            new { direction, amount = new { minorUnits, currency }, reference = $"bank transfer {key}", idempotencyKey = key });

    private static async Task<JsonElement> BalanceAsync(HttpClient client, string hub, string currency) =>
        (await client.GetFromJsonAsync<JsonElement>("/api/payment/partners")).EnumerateArray()
            .Single(b => b.GetProperty("hub").GetString() == hub && b.GetProperty("currency").GetString() == currency);

    // The one field a 400 names.
    private static async Task<string> InvalidFieldAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().ShouldHaveSingleItem().Name;
    }

    private static async Task<string?> ReasonAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString();
}
