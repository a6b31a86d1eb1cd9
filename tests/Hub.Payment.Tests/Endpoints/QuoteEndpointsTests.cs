using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Tests.Endpoints;

public sealed class QuoteEndpointsTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task TakeQuote_Sme_LocksARateForItsOwnCompanyOnly()
    {
        var (buyer, stranger) = (Ids.Company(), Ids.Company());
        using var client = host.Sme(buyer);

        var response = await client.PostAsJsonAsync("/api/payment/quotes", new { payCurrency = "USD", settlement = new { minorUnits = 1_350_000, currency = "KRW" } });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var quote = await response.Content.ReadFromJsonAsync<JsonElement>();
        quote.GetProperty("buyerCompany").GetString().ShouldBe(buyer.ToString());
        quote.GetProperty("rate").GetDecimal().ShouldBe(1342.7525m);
        quote.GetProperty("pay").GetProperty("minorUnits").GetInt64().ShouldBe(1_005_40);
        var location = response.Headers.Location!.ToString();
        (await client.GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var other = host.Sme(stranger);
        (await other.GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var @operator = host.Operator();
        (await @operator.GetAsync(location)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task TakeQuote_InverseOfARateWithSidesCloserThanTheScale_IsPriced()
    {
        using var @operator = host.Operator();
        (await @operator.PutAsJsonAsync("/api/payment/fx/rates/USD/VND", new { bid = 25_400m, ask = 25_405m, source = "test feed" })).EnsureSuccessStatusCode();
        using var client = host.Sme(Ids.Company());

        var inverse = await client.GetFromJsonAsync<JsonElement>("/api/payment/fx/rates/VND/USD");
        var cross = await client.GetAsync("/api/payment/fx/rates/VND/KRW");
        var response = await client.PostAsJsonAsync("/api/payment/quotes", new { payCurrency = "VND", settlement = new { minorUnits = 100_00, currency = "USD" } });
        var viaGrpc = await host.QuoteAsync(Ids.Company(), "VND", 100_00, "USD");

        var (bid, ask) = (inverse.GetProperty("bid").GetDecimal(), inverse.GetProperty("ask").GetDecimal());
        bid.ShouldBeLessThan(ask);
        bid.ShouldBeLessThanOrEqualTo(1m / 25_405m);
        cross.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var quote = await response.Content.ReadFromJsonAsync<JsonElement>();
        quote.GetProperty("marketRate").GetDecimal().ShouldBe(bid);
        var rate = quote.GetProperty("rate").GetDecimal();
        quote.GetProperty("pay").GetProperty("minorUnits").GetInt64().ShouldBe((long)decimal.Ceiling(100m / rate));
        quote.GetProperty("pay").GetProperty("minorUnits").GetInt64().ShouldBeGreaterThan(100 * 25_405);
        viaGrpc.Pay.MinorUnits.ShouldBe(quote.GetProperty("pay").GetProperty("minorUnits").GetInt64());
    }

    [Fact]
    public async Task TakeQuote_RateLessMarginBelowTheRateScale_IsValidationProblem()
    {
        using var @operator = host.Operator();
        (await @operator.PutAsJsonAsync("/api/payment/fx/rates/IDR/USD", new { bid = 0.00000001m, ask = 0.00000002m, source = "test feed" })).EnsureSuccessStatusCode();
        using var client = host.Sme(Ids.Company());

        var response = await client.PostAsJsonAsync("/api/payment/quotes", new { payCurrency = "IDR", settlement = new { minorUnits = 100_00, currency = "USD" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.GetProperty("payCurrency")[0].GetString()!.ShouldNotContain("Parameter");
    }

    [Theory]
    [InlineData("KRW", long.MaxValue, "USD")]
    [InlineData("USD", 1_000_000_000_000_001, "USD")]
    [InlineData("KRW", 100_000_000_000_000, "USD")]   // USD 1 trillion is within the bound, its price in KRW is not
    public async Task TakeQuote_SettlementOrItsPriceBeyondTheLargestAmount_IsValidationProblemAndNothingStored(string payCurrency, long minorUnits, string currency)
    {
        var buyer = Ids.Company();
        using var client = host.Sme(buyer);

        var response = await client.PostAsJsonAsync("/api/payment/quotes", new { payCurrency, settlement = new { minorUnits, currency } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("settlement", out _).ShouldBeTrue();
        await using var db = host.Db();
        (await db.FxQuotes.CountAsync(q => q.BuyerCompany == buyer.ToString())).ShouldBe(0);
    }

    [Fact]
    public async Task TakeQuote_WithoutSettlement_NamesTheSettlementAsMissing()
    {
        using var client = host.Sme(Ids.Company());

        var response = await client.PostAsJsonAsync("/api/payment/quotes", new { payCurrency = "KRW" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.EnumerateObject().Select(e => e.Name).ShouldBe(["settlement"]);
        errors.GetProperty("settlement")[0].GetString()!.ShouldContain("required");
    }

    [Theory]
    [InlineData("USD", 0, "KRW", "settlement")]
    [InlineData("USD", -1, "KRW", "settlement")]
    [InlineData("ABC", 100, "KRW", "payCurrency")]
    [InlineData("USD", 100, "ABC", "settlement.currency")]
    public async Task TakeQuote_BadInput_IsValidationProblem(string payCurrency, long minorUnits, string currency, string field)
    {
        using var client = host.Sme(Ids.Company());

        var response = await client.PostAsJsonAsync("/api/payment/quotes", new { payCurrency, settlement = new { minorUnits, currency } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
    }

    [Fact]
    public async Task GetQuote_IdThatIsNotAUuid_IsAValidationProblemNamingIt()
    {
        using var client = host.Sme(Ids.Company());

        var response = await client.GetAsync("/api/payment/quotes/last-one");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("id")[0].GetString().ShouldBe("'last-one' is not a UUID.");
    }
}
