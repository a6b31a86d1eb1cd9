using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Tests.Endpoints;

public sealed class FxRateEndpointsTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task ListRates_SeededByMigration_HasEveryCurrencyAgainstUsd()
    {
        using var client = host.Sme(Ids.Company());

        var rates = await client.GetFromJsonAsync<JsonElement>("/api/payment/fx/rates");

        var pairs = rates.EnumerateArray().Select(r => r.GetProperty("base").GetString() + "/" + r.GetProperty("quote").GetString()).ToList();
        pairs.ShouldBe(["EUR/USD", "USD/CNY", "USD/JPY", "USD/KRW", "USD/MYR"], ignoreOrder: true);
        rates.EnumerateArray().ShouldAllBe(r => r.GetProperty("bid").GetDecimal() < r.GetProperty("ask").GetDecimal());
        var usdKrw = rates.EnumerateArray().Single(r => r.GetProperty("quote").GetString() == "KRW");
        (usdKrw.GetProperty("bid").GetRawText(), usdKrw.GetProperty("mid").GetRawText()).ShouldBe(("1349.5", "1350"));
    }

    [Fact]
    public async Task GetRate_InverseAndCross_AreDerivedFromThePublishedPairs()
    {
        using var client = host.Sme(Ids.Company());

        var inverse = await client.GetFromJsonAsync<JsonElement>("/api/payment/fx/rates/KRW/USD");
        var cross = await client.GetFromJsonAsync<JsonElement>("/api/payment/fx/rates/CNY/KRW");

        (inverse.GetProperty("bid").GetDecimal(), inverse.GetProperty("ask").GetDecimal()).ShouldBe((0.00074047m, 0.00074101m));
        inverse.GetProperty("derivation").GetString().ShouldBe("inverted");
        (cross.GetProperty("bid").GetDecimal(), cross.GetProperty("ask").GetDecimal()).ShouldBe((189.48329122m, 189.73026130m));
        cross.GetProperty("derivation").GetString().ShouldBe("cross via USD");
        (await client.GetAsync("/api/payment/fx/rates/USD/QQQ")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task PublishRate_ByOperator_PricesNewQuotes()
    {
        using var client = host.Operator();

        var published = await client.PutAsJsonAsync("/api/payment/fx/rates/USD/MYR", new { bid = 4.0000m, ask = 4.0100m, source = "test feed" });
        var quote = await host.QuoteAsync(Ids.Company(), "USD", 398_000, "MYR");

        published.StatusCode.ShouldBe(HttpStatusCode.OK);
        quote.MarketRate.ShouldBe("4");
        quote.Rate.ShouldBe("3.98");                 // 4.0000 less 50 bps
        quote.Pay.MinorUnits.ShouldBe(1_000_00);
    }

    [Theory]
    [InlineData(1.1, 1.0)]
    [InlineData(0, 1.0)]
    [InlineData(1.000000001, 1.1)]
    public async Task PublishRate_InvalidSides_IsValidationProblemAndChangesNothing(decimal bid, decimal ask)
    {
        using var client = host.Operator();

        var response = await client.PutAsJsonAsync("/api/payment/fx/rates/EUR/USD", new { bid, ask });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var current = await client.GetFromJsonAsync<JsonElement>("/api/payment/fx/rates/EUR/USD");
        current.GetProperty("bid").GetDecimal().ShouldBe(1.0840m);
    }

    [Fact]
    public async Task PublishRate_InverseBelowTheRateScale_IsValidationProblemAndChangesNothing()
    {
        using var client = host.Operator();

        var response = await client.PutAsJsonAsync("/api/payment/fx/rates/USD/IDR", new { bid = 200_000_000m, ask = 300_000_000m });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await client.GetAsync("/api/payment/fx/rates/USD/IDR")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("USD/JPY")]
    [InlineData("JPY/USD")]
    public async Task PublishRate_OlderThanTheRateInForce_IsConflictNamingItAndChangesNothing(string olderPair)
    {
        using var client = host.Operator();
        var now = host.Clock.GetUtcNow().UtcDateTime;
        var inForceAsOf = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, now.Second, DateTimeKind.Utc).AddHours(-1);
        (await client.PutAsJsonAsync("/api/payment/fx/rates/USD/JPY", new { bid = 150.10m, ask = 150.30m, asOf = inForceAsOf })).EnsureSuccessStatusCode();

        var older = await client.PutAsJsonAsync($"/api/payment/fx/rates/{olderPair}", new { bid = 0.5m, ask = 0.6m, asOf = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc) });

        older.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await older.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("reason").GetString().ShouldBe("newer-rate-in-force");
        problem.GetProperty("detail").GetString()!.ShouldContain(inForceAsOf.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        var current = await client.GetFromJsonAsync<JsonElement>("/api/payment/fx/rates/USD/JPY");
        (current.GetProperty("bid").GetDecimal(), current.GetProperty("asOf").GetDateTime()).ShouldBe((150.10m, inForceAsOf));
        await using var db = host.Db();
        (await db.FxRates.CountAsync(r => r.Bid == 0.5m)).ShouldBe(0);
    }

    [Fact]
    public async Task PublishRate_BySme_IsForbidden()
    {
        using var client = host.Sme(Ids.Company());

        (await client.PutAsJsonAsync("/api/payment/fx/rates/USD/JPY", new { bid = 1m, ask = 2m })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
