using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Customs.V1;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Tests.Endpoints;

public sealed class ReferenceDataEndpointTests(CustomsHost host) : IClassFixture<CustomsHost>
{
    public static TheoryData<string, string> OperatorEndpoints => new()
    {
        { "GET", "/api/customs/tariffs" },
        { "POST", "/api/customs/tariffs" },
        { "GET", "/api/customs/regimes" },
        { "POST", "/api/customs/regimes" },
        { "POST", "/api/customs/preferential-rates" },
        { "POST", "/api/customs/fx-rates" },
        { "GET", "/api/customs/screening" },
        { "POST", "/api/customs/screening/parties" },
        { "GET", "/api/customs/declarations" },
    };

    [Theory]
    [MemberData(nameof(OperatorEndpoints))]
    public async Task OperatorEndpoint_SmeToken_IsForbidden(string method, string path)
    {
        using var sme = host.Sme("KR-C-000001");
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = method == "POST" ? JsonContent.Create(new { }) : null };

        (await sme.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PublishTariffLine_NewVersion_EndsTheOldOneOnItsFirstDay()
    {
        using var op = host.Operator();

        var created = await op.PostAsJsonAsync("/api/customs/tariffs", new
        {
            hub = "KR", prefix = "9503", description = "Toys (2027 schedule)", dutyKind = "AdValorem", dutyRate = 0.05m, vatRate = 0.10m, validFrom = "2027-01-01",
        });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt32().ShouldBe(2);
        (await Lookup(op, "950300", "2026-12-31")).GetProperty("dutyRate").GetDecimal().ShouldBe(0.08m);
        (await Lookup(op, "950300", "2027-01-01")).GetProperty("dutyRate").GetDecimal().ShouldBe(0.05m);

        var preview = await host.Grpc.PreviewLandedCostAsync(new PreviewLandedCostRequest
        {
            InvoiceCurrency = "KRW", Incoterm = "CIF", OnDate = "2027-01-01", Lines = { Requests.Line(hs: "950300", valueMinor: 1_000_000) },
        });
        preview.Duty.MinorUnits.ShouldBe(50_000);
    }

    [Fact]
    public async Task PublishTariffLine_LongerPrefix_WinsOverTheHeading()
    {
        using var op = host.Operator();

        (await op.PostAsJsonAsync("/api/customs/tariffs", new
        {
            hub = "KR", prefix = "8516711000", description = "Drip coffee makers", dutyRate = 0.03m, vatRate = 0.10m, validFrom = "2026-06-01",
        })).StatusCode.ShouldBe(HttpStatusCode.Created);

        (await Lookup(op, "8516711000", "2026-11-23")).GetProperty("prefix").GetString().ShouldBe("8516711000");
        (await Lookup(op, "8516719000", "2026-11-23")).GetProperty("prefix").GetString().ShouldBe("8516");
    }

    public static TheoryData<string, string> BadTariffLines => new()
    {
        { """{"hub":"ZZ","prefix":"8516","dutyRate":0.08,"vatRate":0.1,"validFrom":"2027-01-01"}""", "hub" },
        { """{"hub":"KR","prefix":"85x6","dutyRate":0.08,"vatRate":0.1,"validFrom":"2027-01-01"}""", "prefix" },
        { """{"hub":"KR","prefix":"8516","dutyRate":-0.08,"vatRate":0.1,"validFrom":"2027-01-01"}""", "dutyRate" },
        { """{"hub":"KR","prefix":"8516","dutyRate":0.08,"vatRate":0.1}""", "validFrom" },
        { """{"hub":"KR","prefix":"8516","dutyKind":"Sometimes","dutyRate":0.08,"vatRate":0.1,"validFrom":"2027-01-01"}""", "dutyKind" },
        { """{"hub":"KR","prefix":"8516","dutyKind":"Specific","vatRate":0.1,"validFrom":"2027-01-01"}""", "specificAmount" },
        { """{"hub":"KR","prefix":"8516","dutyRate":0.08,"vatRate":0.1,"validFrom":"2025-01-01"}""", "validFrom" },
    };

    [Theory]
    [MemberData(nameof(BadTariffLines))]
    public async Task PublishTariffLine_BadInput_IsAProblemNamingTheFieldAndChangesNothing(string body, string field)
    {
        using var op = host.Operator();
        var before = await Snapshot();

        var response = await op.PostAsync("/api/customs/tariffs", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        (await Snapshot()).ShouldBe(before);
    }

    [Fact]
    public async Task PublishFxRate_NextWeek_EndsThisWeeksRate()
    {
        using var op = host.Operator();

        (await op.PostAsJsonAsync("/api/customs/fx-rates", new { hub = "KR", currency = "USD", rate = 1360m, validFrom = "2026-11-29" }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);

        var rates = await op.GetFromJsonAsync<JsonElement>("/api/customs/fx-rates?hub=KR&on=2026-11-29");
        rates.EnumerateArray().Single(r => r.GetProperty("currency").GetString() == "USD").GetProperty("rate").GetDecimal().ShouldBe(1360m);
        var before = await op.GetFromJsonAsync<JsonElement>("/api/customs/fx-rates?hub=KR&on=2026-11-28");
        before.EnumerateArray().Single(r => r.GetProperty("currency").GetString() == "USD").GetProperty("rate").GetDecimal().ShouldBe(1350m);
    }

    [Fact]
    public async Task AddDeniedParty_RaisesTheListVersionThatDeclarationsRecord()
    {
        using var op = host.Operator();

        var added = await op.PostAsJsonAsync("/api/customs/screening/parties", new { name = "Blue Lantern Logistics Ltd.", aliases = new[] { "蓝灯物流有限公司" }, country = "CN" });

        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        var list = await op.GetFromJsonAsync<JsonElement>("/api/customs/screening");
        var version = list.GetProperty("version").GetInt32();
        version.ShouldBeGreaterThan(1);
        var declared = await host.Grpc.DeclareAsync(Requests.Declaration(DeclarationType.Export, exporter: "蓝灯物流有限公司"));
        declared.Status.ShouldBe(DeclarationStatus.Held);
        declared.ScreeningListVersion.ShouldBe(version);
    }

    [Fact]
    public async Task PublishRegime_UnknownKind_IsAProblemNamingTheField()
    {
        using var op = host.Operator();

        var response = await op.PostAsJsonAsync("/api/customs/regimes", new { hub = "KR", code = "KR-X", kind = "Whatever", currency = "USD", transactionLimit = 100m, validFrom = "2027-01-01" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kind", out _).ShouldBeTrue();
    }

    private static async Task<JsonElement> Lookup(HttpClient op, string hs, string on)
    {
        var response = await op.GetAsync($"/api/customs/tariffs/lookup?hub=KR&hs={hs}&on={on}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> Snapshot()
    {
        await using var db = host.Db();
        var lines = await db.TariffLines.AsNoTracking().OrderBy(t => t.Id).Select(t => $"{t.Id}:{t.ValidTo}:{t.DutyRate}").ToListAsync();
        return string.Join('|', lines);
    }
}
