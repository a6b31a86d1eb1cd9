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
    public async Task ReviseLane_FutureValidFrom_ScheduledAndInForceFromItsTimeOnly()
    {
        using var op = _host.Operator();
        var before = await op.GetFromJsonAsync<JsonElement>("/api/logistics/lanes/KR-MY-AIR");
        var rate = before.GetProperty("sharedRate").GetDecimal();
        var from = _host.Clock.GetUtcNow().UtcDateTime.AddDays(1);

        var response = await op.PutAsJsonAsync("/api/logistics/lanes/KR-MY-AIR", Terms(before, rate * 2, from));
        var scheduled = await response.Content.ReadFromJsonAsync<JsonElement>();
        var early = await EstimateToMalaysiaAsync();
        _host.Clock.Advance(TimeSpan.FromDays(1));
        try
        {
            var due = await EstimateToMalaysiaAsync();
            var after = await op.GetFromJsonAsync<JsonElement>("/api/logistics/lanes/KR-MY-AIR");

            response.StatusCode.ShouldBe(HttpStatusCode.OK);
            scheduled.GetProperty("sharedRate").GetDecimal().ShouldBe(rate);
            scheduled.GetProperty("scheduled").GetArrayLength().ShouldBe(1);
            scheduled.GetProperty("scheduled")[0].GetProperty("sharedRate").GetDecimal().ShouldBe(rate * 2);
            early.PriceMinorUnits.ShouldBe(PriceAt(early, rate));
            due.PriceMinorUnits.ShouldBe(PriceAt(due, rate * 2));
            after.GetProperty("sharedRate").GetDecimal().ShouldBe(rate * 2);
            after.GetProperty("ratesValidFrom").GetDateTime().ShouldBe(from);
            after.GetProperty("scheduled").GetArrayLength().ShouldBe(0);
        }
        finally
        {
            _host.Clock.Advance(TimeSpan.FromDays(-1));
        }
    }

    [Fact]
    public async Task ReviseLane_WithdrawnOrPastRevisions_NeverComeIntoForce()
    {
        using var op = _host.Operator();
        var before = await op.GetFromJsonAsync<JsonElement>("/api/logistics/lanes/CN-KR-SEA");
        var rate = before.GetProperty("sharedRate").GetDecimal();
        var now = _host.Clock.GetUtcNow().UtcDateTime;

        var past = await op.PutAsJsonAsync("/api/logistics/lanes/CN-KR-SEA", Terms(before, rate * 3, now.AddDays(-1)));
        // Sent to the tick, kept to the second: the same time replaces the revision.
        var later = now.AddDays(2).AddTicks(1_234_567);
        (await op.PutAsJsonAsync("/api/logistics/lanes/CN-KR-SEA", Terms(before, rate * 4, later))).EnsureSuccessStatusCode();
        var twice = await op.PutAsJsonAsync("/api/logistics/lanes/CN-KR-SEA", Terms(before, rate * 5, later));
        var replaced = (await twice.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("scheduled");
        var id = replaced[0].GetProperty("id").GetGuid();
        var withdrawn = await op.DeleteAsync($"/api/logistics/lanes/CN-KR-SEA/scheduled/{id}");
        var again = await op.DeleteAsync($"/api/logistics/lanes/CN-KR-SEA/scheduled/{id}");
        var bySme = await _host.Sme("KR-C-000001").DeleteAsync($"/api/logistics/lanes/CN-KR-SEA/scheduled/{id}");
        var newLane = await op.PostAsJsonAsync("/api/logistics/lanes", new
        {
            origin = "KR", destination = "JP", mode = "AIR", cutOffWeekdays = new[] { 1 }, cutOffTimeUtc = "09:00", earlyCloseFill = 0.9, volumetricDivisor = 6000,
            currency = "KRW", sharedRate = 5_000, validFrom = now.AddDays(1), containers = new[] { new { code = "PMC", usableVolumeM3 = 10, payloadKg = 4_500, fullLoadRate = 1 } },
        });
        _host.Clock.Advance(TimeSpan.FromDays(3));
        try
        {
            var after = await op.GetFromJsonAsync<JsonElement>("/api/logistics/lanes/CN-KR-SEA");

            past.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("validFrom", out _).ShouldBeTrue();
            replaced.GetArrayLength().ShouldBe(1);
            replaced[0].GetProperty("sharedRate").GetDecimal().ShouldBe(rate * 5);
            replaced[0].GetProperty("validFrom").GetDateTime().ShouldBe(now.AddDays(2));
            withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK);
            again.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            bySme.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            newLane.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            after.GetProperty("sharedRate").GetDecimal().ShouldBe(rate);
            after.GetProperty("ratesValidFrom").GetDateTime().ShouldBe(before.GetProperty("ratesValidFrom").GetDateTime());
            after.GetProperty("scheduled").GetArrayLength().ShouldBe(0);
        }
        finally
        {
            _host.Clock.Advance(TimeSpan.FromDays(-3));
        }
    }

    [Fact]
    public async Task ReviseLane_ValidFromWithinAMinuteAhead_InForceAtOnceReplacingWhatWasDueThen_AndRatesTheDatabaseCannotKeep_Refused()
    {
        using var op = _host.Operator();
        var before = await op.GetFromJsonAsync<JsonElement>("/api/logistics/lanes/CN-KR-SEA");
        var rate = before.GetProperty("sharedRate").GetDecimal();
        var now = _host.Clock.GetUtcNow().UtcDateTime;

        var tooFine = await op.PutAsJsonAsync("/api/logistics/lanes/CN-KR-SEA", Terms(before, rate + 0.00001m, now.AddDays(1)));
        var ahead = await op.PutAsJsonAsync("/api/logistics/lanes/CN-KR-SEA", Terms(before, rate + 1, now.AddSeconds(30)));
        var lane = await ahead.Content.ReadFromJsonAsync<JsonElement>();

        tooFine.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooFine.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("sharedRate", out _).ShouldBeTrue();
        ahead.StatusCode.ShouldBe(HttpStatusCode.OK);
        lane.GetProperty("sharedRate").GetDecimal().ShouldBe(rate + 1);
        lane.GetProperty("ratesValidFrom").GetDateTime().ShouldBe(now);
        lane.GetProperty("scheduled").GetArrayLength().ShouldBe(0);

        // A revision scheduled two minutes ahead, corrected 30 s before its time by terms sent for that time: the
        // correction is in force at once and the revision it replaces never comes.
        var revisionTime = now.AddMinutes(2);
        (await op.PutAsJsonAsync("/api/logistics/lanes/CN-KR-SEA", Terms(before, rate * 7, revisionTime))).EnsureSuccessStatusCode();
        _host.Clock.Advance(TimeSpan.FromSeconds(90));
        try
        {
            var correction = await op.PutAsJsonAsync("/api/logistics/lanes/CN-KR-SEA", Terms(before, rate + 2, revisionTime));
            var corrected = await correction.Content.ReadFromJsonAsync<JsonElement>();
            _host.Clock.Advance(TimeSpan.FromMinutes(1));
            var later = await op.GetFromJsonAsync<JsonElement>("/api/logistics/lanes/CN-KR-SEA");

            correction.StatusCode.ShouldBe(HttpStatusCode.OK);
            corrected.GetProperty("scheduled").GetArrayLength().ShouldBe(0);
            later.GetProperty("sharedRate").GetDecimal().ShouldBe(rate + 2);
        }
        finally
        {
            _host.Clock.Advance(TimeSpan.FromSeconds(-150));
        }
    }

    /// <summary>A lane's terms as read, with another shared rate and a validFrom.</summary>
    private static object Terms(JsonElement lane, decimal sharedRate, DateTime validFrom) => new
    {
        cutOffWeekdays = lane.GetProperty("cutOffWeekdays"),
        cutOffTimeUtc = lane.GetProperty("cutOffTimeUtc").GetString()![..5],
        earlyCloseFill = lane.GetProperty("earlyCloseFill").GetDecimal(),
        volumetricDivisor = lane.GetProperty("volumetricDivisor").GetDecimal(),
        currency = lane.GetProperty("currency").GetString(),
        sharedRate,
        validFrom,
        containers = lane.GetProperty("containers"),
    };

    private async Task<V1.EstimateFreightReply> EstimateToMalaysiaAsync()
    {
        var estimate = new V1.EstimateFreightRequest { Lane = Bookings.Lane("MY", "AIR") };
        estimate.Cartons.Add(Bookings.Carton("60", "40", "40", "12", quantity: 3));
        return await _host.Grpc.EstimateFreightAsync(estimate);
    }

    /// <summary>The shared-space price in KRW (no minor unit) at a rate per chargeable kg.</summary>
    private static long PriceAt(V1.EstimateFreightReply reply, decimal rate) =>
        (long)Math.Round(decimal.Parse(reply.ChargeableWeight, System.Globalization.CultureInfo.InvariantCulture) * rate, 0, MidpointRounding.AwayFromZero);
}
