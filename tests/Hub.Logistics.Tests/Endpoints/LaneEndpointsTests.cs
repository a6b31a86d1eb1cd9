using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Hub.Logistics.Tests.Endpoints;

public sealed class LaneEndpointsTests(LogisticsFixture fixture) : IClassFixture<LogisticsFixture>
{
    private readonly LogisticsHost _host = fixture.Host;

    [Fact]
    public async Task Lanes_Seeded_KrCnBothWaysAndKrMyWithContainersAndRates()
    {
        using var sme = _host.Sme("KR-C-000001");

        var lanes = await sme.GetFromJsonAsync<JsonElement>("/api/logistics/lanes");

        lanes.EnumerateArray().Select(l => l.GetProperty("code").GetString()).ShouldBe(["CN-KR-SEA", "KR-CN-SEA", "KR-MY-AIR"]);
        var krCn = lanes.EnumerateArray().Single(l => l.GetProperty("code").GetString() == "KR-CN-SEA");
        krCn.GetProperty("containers").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ShouldBe(["20GP", "40GP", "40HC"]);
        krCn.GetProperty("containers")[1].GetProperty("usableVolumeM3").GetDecimal().ShouldBe(67.7m);
        krCn.GetProperty("chargeableUnit").GetString().ShouldBe("rt");
    }

    [Fact]
    public async Task CreateLane_BadInput_ProblemDetailsNamingTheFieldsAndNothingSaved()
    {
        using var op = _host.Operator();

        var response = await op.PostAsJsonAsync("/api/logistics/lanes", new
        {
            origin = "KR",
            destination = "KR",
            mode = "TRUCK",
            cutOffWeekdays = new[] { 9 },
            cutOffTimeUtc = "25:00",
            earlyCloseFill = 1.5,
            volumetricDivisor = 0,
            currency = "XXX",
            sharedRate = -1,
            containers = new[] { new { code = "20GP", usableVolumeM3 = 0, payloadKg = 28000, fullLoadRate = 1 } },
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "destination", "mode", "cutOffWeekdays", "cutOffTimeUtc", "earlyCloseFill", "volumetricDivisor", "currency", "sharedRate", "containers[0]" })
        {
            errors.TryGetProperty(field, out _).ShouldBeTrue(field);
        }

        await using var db = _host.Db();
        (await db.Lanes.CountAsync()).ShouldBe(3);
    }

    [Fact]
    public async Task ReviseLane_Operator_ChangesTheRateCardUsedByEstimates()
    {
        using var op = _host.Operator();
        var lane = await op.GetFromJsonAsync<JsonElement>("/api/logistics/lanes/KR-CN-SEA");

        var response = await op.PutAsJsonAsync("/api/logistics/lanes/KR-CN-SEA", new
        {
            cutOffWeekdays = new[] { 3 },
            cutOffTimeUtc = "10:30",
            earlyCloseFill = 0.8,
            volumetricDivisor = 6000,
            currency = "KRW",
            sharedRate = 100_000,
            containers = lane.GetProperty("containers"),
        });
        var estimate = new V1.EstimateFreightRequest { Lane = Bookings.Lane() };
        estimate.Cartons.Add(Bookings.Carton("100", "100", "100", "500"));
        var reply = await _host.Grpc.EstimateFreightAsync(estimate);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        reply.PriceMinorUnits.ShouldBe(100_000);
        reply.NextCutOff.ShouldStartWith("2026-11-25T10:30:00");
        (await _host.Sme("KR-C-000001").PutAsJsonAsync("/api/logistics/lanes/KR-CN-SEA", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ReviseLane_FutureValidFrom_RefusedAndTheRateCardUnchanged()
    {
        using var op = _host.Operator();
        var before = await op.GetFromJsonAsync<JsonElement>("/api/logistics/lanes/KR-MY-AIR");

        var response = await op.PutAsJsonAsync("/api/logistics/lanes/KR-MY-AIR", new
        {
            cutOffWeekdays = before.GetProperty("cutOffWeekdays"),
            cutOffTimeUtc = before.GetProperty("cutOffTimeUtc").GetString()![..5],
            earlyCloseFill = before.GetProperty("earlyCloseFill").GetDecimal(),
            volumetricDivisor = before.GetProperty("volumetricDivisor").GetDecimal(),
            currency = before.GetProperty("currency").GetString(),
            sharedRate = before.GetProperty("sharedRate").GetDecimal() * 2,
            validFrom = _host.Clock.GetUtcNow().UtcDateTime.AddDays(30),
            containers = before.GetProperty("containers"),
        });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("validFrom", out _).ShouldBeTrue();
        var after = await op.GetFromJsonAsync<JsonElement>("/api/logistics/lanes/KR-MY-AIR");
        after.GetProperty("sharedRate").GetDecimal().ShouldBe(before.GetProperty("sharedRate").GetDecimal());
        after.GetProperty("ratesValidFrom").GetDateTime().ShouldBe(before.GetProperty("ratesValidFrom").GetDateTime());
    }
}
