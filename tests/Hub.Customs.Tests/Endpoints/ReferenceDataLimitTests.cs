using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Tests.Endpoints;

/// <summary>Reference data is kept exactly as published: a value its column would round or refuse is a problem naming the field.</summary>
public sealed class ReferenceDataLimitTests(CustomsHost host) : IClassFixture<CustomsHost>
{
    private const string Tariff = "/api/customs/tariffs";
    private const string Preference = "/api/customs/preferential-rates";
    private const string Fx = "/api/customs/fx-rates";
    private const string Regime = "/api/customs/regimes";
    private const string Party = "/api/customs/screening/parties";

    public static TheoryData<string, string, string> ValuesNotKeptExactly => new()
    {
        { Tariff, """{"hub":"MY","prefix":"999991","dutyRate":0.123456789012345678901234567890,"vatRate":0.1,"validFrom":"2031-01-01"}""", "dutyRate" },
        { Tariff, """{"hub":"MY","prefix":"999991","dutyRate":0.05,"vatRate":0.1000001,"validFrom":"2031-01-01"}""", "vatRate" },
        { Tariff, """{"hub":"MY","prefix":"999991","dutyRate":0.05,"vatRate":0.1,"consumptionTaxRate":0.0000001,"validFrom":"2031-01-01"}""", "consumptionTaxRate" },
        { Tariff, """{"hub":"MY","prefix":"999991","dutyKind":"Specific","specificAmount":0.123456789,"specificUnit":"KGM","vatRate":0.1,"validFrom":"2031-01-01"}""", "specificAmount" },
        { Tariff, """{"hub":"MY","prefix":"999991","dutyKind":"Specific","specificAmount":1e20,"specificUnit":"KGM","vatRate":0.1,"validFrom":"2031-01-01"}""", "specificAmount" },
        { Tariff, """{"hub":"MY","prefix":"999991","dutyKind":"Specific","specificAmount":5,"specificUnit":"KILOGRAMSXX","vatRate":0.1,"validFrom":"2031-01-01"}""", "specificUnit" },
        { Preference, """{"hub":"KR","agreement":"KCFTA","partnerCountry":"CN","prefix":"999991","year":2031,"rate":0.0000001}""", "rate" },
        { Preference, $$"""{"hub":"KR","agreement":"{{new string('A', 40)}}","partnerCountry":"CN","prefix":"999991","year":2031,"rate":0.01}""", "agreement" },
        { Fx, """{"hub":"MY","currency":"USD","rate":1.123456789012345678901234567,"validFrom":"2031-01-01"}""", "rate" },
        { Fx, """{"hub":"MY","currency":"USD","rate":1e20,"validFrom":"2031-01-01"}""", "rate" },
        { Regime, """{"hub":"MY","code":"MY-LIMIT","kind":"DeMinimis","currency":"MYR","transactionLimit":100.123456789,"validFrom":"2031-01-01"}""", "transactionLimit" },
        { Regime, """{"hub":"MY","code":"MY-LIMIT","kind":"DeMinimis","currency":"MYR","transactionLimit":1e20,"validFrom":"2031-01-01"}""", "transactionLimit" },
        { Regime, """{"hub":"MY","code":"MY-LIMIT","kind":"DeMinimis","currency":"MYR","transactionLimit":100,"annualLimit":1e20,"validFrom":"2031-01-01"}""", "annualLimit" },
        { Regime, """{"hub":"MY","code":"MY-LIMIT","kind":"DeMinimis","currency":"MYR","transactionLimit":100,"dutyFactor":0.1234567,"validFrom":"2031-01-01"}""", "dutyFactor" },
        { Regime, """{"hub":"MY","code":"MY-LIMIT","kind":"DeMinimis","currency":"MYR","transactionLimit":100,"taxFactor":0.7000001,"validFrom":"2031-01-01"}""", "taxFactor" },
        { Regime, $$"""{"hub":"MY","code":"{{new string('C', 40)}}","kind":"DeMinimis","currency":"MYR","transactionLimit":100,"validFrom":"2031-01-01"}""", "code" },
        { Party, """{"name":"Lantern Freight","aliases":["Lantern",null]}""", "aliases" },
    };

    [Theory]
    [MemberData(nameof(ValuesNotKeptExactly))]
    public async Task Publish_ValueItsColumnWouldRoundOrRefuse_IsAProblemNamingTheFieldAndChangesNothing(string path, string body, string field)
    {
        using var op = host.Operator();
        var before = await Snapshot();

        var response = await op.PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        (await Snapshot()).ShouldBe(before);
    }

    [Fact]
    public async Task Publish_ValuesAtTheirColumnsLimits_AreKeptExactly()
    {
        using var op = host.Operator();

        var tariff = await Created(op, Tariff, new
        {
            hub = "MY", prefix = "999992", dutyKind = "Specific", specificAmount = 99_999_999_999_999.9999m, specificUnit = "KILOGRAM", vatRate = 0.123456m,
            consumptionTaxRate = 0.000001m, validFrom = "2031-01-01",
        });
        var preference = await Created(op, Preference, new { hub = "KR", agreement = new string('A', 16), partnerCountry = "CN", prefix = "999992", year = 2031, rate = 0.000001m });
        var fx = await Created(op, Fx, new { hub = "MY", currency = "KRW", rate = 1_234_567_890.12345678m, validFrom = "2031-01-01" });
        var regime = await Created(op, Regime, new
        {
            hub = "MY", code = new string('C', 32), kind = "DeMinimis", currency = "MYR", transactionLimit = 100.1235m, annualLimit = 99_999_999_999_999.9999m,
            dutyFactor = 0.123456m, validFrom = "2031-01-01",
        });

        var stored = await op.GetFromJsonAsync<JsonElement>($"{Tariff}?hub=MY&prefix=999992");
        stored[0].GetProperty("specificAmount").GetDecimal().ShouldBe(tariff.GetProperty("specificAmount").GetDecimal());
        stored[0].GetProperty("specificAmount").GetDecimal().ShouldBe(99_999_999_999_999.9999m);
        stored[0].GetProperty("specificUnit").GetString().ShouldBe("KILOGRAM");
        stored[0].GetProperty("vatRate").GetDecimal().ShouldBe(0.123456m);
        (await op.GetFromJsonAsync<JsonElement>($"{Preference}?hub=KR&year=2031")).EnumerateArray()
            .Single(r => r.GetProperty("id").GetGuid() == preference.GetProperty("id").GetGuid()).GetProperty("rate").GetDecimal().ShouldBe(0.000001m);
        (await op.GetFromJsonAsync<JsonElement>($"{Fx}?hub=MY&on=2031-01-01")).EnumerateArray()
            .Single(r => r.GetProperty("id").GetGuid() == fx.GetProperty("id").GetGuid()).GetProperty("rate").GetDecimal().ShouldBe(1_234_567_890.12345678m);
        var regimes = (await op.GetFromJsonAsync<JsonElement>($"{Regime}?hub=MY")).EnumerateArray()
            .Single(r => r.GetProperty("id").GetGuid() == regime.GetProperty("id").GetGuid());
        regimes.GetProperty("transactionLimit").GetDecimal().ShouldBe(100.1235m);
        regimes.GetProperty("annualLimit").GetDecimal().ShouldBe(99_999_999_999_999.9999m);
    }

    private static async Task<JsonElement> Created(HttpClient op, string path, object body)
    {
        var response = await op.PostAsJsonAsync(path, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> Snapshot()
    {
        await using var db = host.Db();
        var tariff = await db.TariffLines.AsNoTracking().OrderBy(t => t.Id).Select(t => $"{t.Id}:{t.ValidTo}").ToListAsync();
        var preferences = await db.PreferentialRates.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync();
        var fx = await db.FxRates.AsNoTracking().OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.ValidTo}").ToListAsync();
        var regimes = await db.LowValueRegimes.AsNoTracking().OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.ValidTo}").ToListAsync();
        var parties = await db.DeniedParties.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var lists = await db.ScreeningLists.AsNoTracking().OrderBy(l => l.Hub).Select(l => $"{l.Hub}:{l.Version}").ToListAsync();
        return string.Join('|', [.. tariff, .. preferences.Select(p => p.ToString()), .. fx, .. regimes, .. parties.Select(p => p.ToString()), .. lists]);
    }
}
