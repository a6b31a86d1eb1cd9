using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Customs.Tests.Endpoints;

/// <summary>A change with an end date interrupts the version it replaces, which resumes once the change ends.</summary>
public sealed class VersionedReferenceDataTests(CustomsHost host) : IClassFixture<CustomsHost>
{
    [Fact]
    public async Task PublishTariffLine_WithAnEndDate_TheOldLineResumesAfterIt()
    {
        using var op = host.Operator();
        await Created(op, "/api/customs/tariffs", new { hub = "MY", prefix = "999994", description = "Test line", dutyRate = 0.08m, vatRate = 0.1m, validFrom = "2030-01-01" });

        await Created(op, "/api/customs/tariffs", new
        {
            hub = "MY", prefix = "999994", description = "Half-year cut", dutyRate = 0.02m, vatRate = 0.1m, validFrom = "2031-01-01", validTo = "2031-06-01",
        });

        (await DutyOn(op, "2030-12-31")).ShouldBe([0.08m]);
        (await DutyOn(op, "2031-01-01")).ShouldBe([0.02m]);
        (await DutyOn(op, "2031-05-31")).ShouldBe([0.02m]);
        (await DutyOn(op, "2031-06-01")).ShouldBe([0.08m]);
        (await DutyOn(op, "2032-01-01")).ShouldBe([0.08m]);
    }

    [Fact]
    public async Task PublishTariffLine_AfterAChangeWithAnEndDate_IsVersionedAfterTheResumedLine()
    {
        using var op = host.Operator();
        await Created(op, "/api/customs/tariffs", new { hub = "MY", prefix = "999995", description = "Test line", dutyRate = 0.08m, vatRate = 0.1m, validFrom = "2030-01-01" });
        await Created(op, "/api/customs/tariffs", new
        {
            hub = "MY", prefix = "999995", description = "Half-year cut", dutyRate = 0.02m, vatRate = 0.1m, validFrom = "2031-01-01", validTo = "2031-06-01",
        });

        var later = await Created(op, "/api/customs/tariffs", new { hub = "MY", prefix = "999995", description = "New rate", dutyRate = 0.05m, vatRate = 0.1m, validFrom = "2033-01-01" });

        later.GetProperty("version").GetInt32().ShouldBe(4);
        var schedule = await op.GetFromJsonAsync<JsonElement>("/api/customs/tariffs?hub=MY&prefix=999995");
        schedule.EnumerateArray().Select(l => (l.GetProperty("dutyRate").GetDecimal(), l.GetProperty("validFrom").GetString(), l.GetProperty("validTo").GetString()))
            .ShouldBe([(0.08m, "2030-01-01", "2031-01-01"), (0.02m, "2031-01-01", "2031-06-01"), (0.08m, "2031-06-01", "2033-01-01"), (0.05m, "2033-01-01", null)]);
    }

    [Fact]
    public async Task PublishFxRate_WithAnEndDate_TheOldRateResumesAfterIt()
    {
        using var op = host.Operator();
        await Created(op, "/api/customs/fx-rates", new { hub = "MY", currency = "CHF", rate = 5.1m, validFrom = "2030-01-01" });

        await Created(op, "/api/customs/fx-rates", new { hub = "MY", currency = "CHF", rate = 5.3m, validFrom = "2031-01-01", validTo = "2031-01-08" });

        (await FxOn(op, "2031-01-07")).ShouldBe([5.3m]);
        (await FxOn(op, "2031-01-08")).ShouldBe([5.1m]);
        (await FxOn(op, "2032-01-01")).ShouldBe([5.1m]);
    }

    [Fact]
    public async Task PublishRegime_WithAnEndDate_TheOldVersionResumesAfterIt()
    {
        using var op = host.Operator();
        await Created(op, "/api/customs/regimes", new { hub = "MY", code = "MY-RESUME", kind = "DeMinimis", currency = "MYR", transactionLimit = 500m, validFrom = "2030-01-01" });

        await Created(op, "/api/customs/regimes", new
        {
            hub = "MY", code = "MY-RESUME", kind = "DeMinimis", currency = "MYR", transactionLimit = 800m, validFrom = "2031-01-01", validTo = "2031-02-01",
        });

        var versions = (await op.GetFromJsonAsync<JsonElement>("/api/customs/regimes?hub=MY")).EnumerateArray()
            .Where(r => r.GetProperty("code").GetString() == "MY-RESUME")
            .Select(r => (r.GetProperty("transactionLimit").GetDecimal(), r.GetProperty("validFrom").GetString(), r.GetProperty("validTo").GetString()))
            .ToList();
        versions.ShouldBe([(500m, "2030-01-01", "2031-01-01"), (800m, "2031-01-01", "2031-02-01"), (500m, "2031-02-01", null)]);
    }

    [Fact]
    public async Task PublishTariffLine_OpenEndedBeforeAResumedLine_EndsTheChangeAndTheResumedLineGoes()
    {
        using var op = host.Operator();
        await InterruptedTariff(op, "999996");

        var change = await Created(op, "/api/customs/tariffs", new { hub = "MY", prefix = "999996", description = "New rate", dutyRate = 0.05m, vatRate = 0.1m, validFrom = "2031-03-20" });

        change.GetProperty("version").GetInt32().ShouldBe(4);
        (await Schedule(op, "999996")).ShouldBe([(0.08m, "2031-01-01", "2031-03-01"), (0.02m, "2031-03-01", "2031-03-20"), (0.05m, "2031-03-20", null)]);
        (await DutyOn(op, "2031-03-19", "999996")).ShouldBe([0.02m]);
        (await DutyOn(op, "2031-03-20", "999996")).ShouldBe([0.05m]);
        (await DutyOn(op, "2031-04-01", "999996")).ShouldBe([0.05m]);
        (await DutyOn(op, "2032-01-01", "999996")).ShouldBe([0.05m]);
    }

    [Fact]
    public async Task PublishTariffLine_BoundedBeforeAResumedLine_TheInterruptedChangeResumesThenTheResumedLine()
    {
        using var op = host.Operator();
        await InterruptedTariff(op, "999997");

        await Created(op, "/api/customs/tariffs", new
        {
            hub = "MY", prefix = "999997", description = "Short cut", dutyRate = 0.05m, vatRate = 0.1m, validFrom = "2031-03-20", validTo = "2031-03-25",
        });

        (await Schedule(op, "999997")).ShouldBe([(0.08m, "2031-01-01", "2031-03-01"), (0.02m, "2031-03-01", "2031-03-20"), (0.08m, "2031-04-01", null),
            (0.05m, "2031-03-20", "2031-03-25"), (0.02m, "2031-03-25", "2031-04-01")]);
        (await DutyOn(op, "2031-03-19", "999997")).ShouldBe([0.02m]);
        (await DutyOn(op, "2031-03-24", "999997")).ShouldBe([0.05m]);
        (await DutyOn(op, "2031-03-25", "999997")).ShouldBe([0.02m]);
        (await DutyOn(op, "2031-03-31", "999997")).ShouldBe([0.02m]);
        (await DutyOn(op, "2031-04-01", "999997")).ShouldBe([0.08m]);
    }

    [Fact]
    public async Task PublishTariffLine_NotAfterAPublishedStart_IsRefusedAndChangesNothing()
    {
        using var op = host.Operator();
        await InterruptedTariff(op, "999998");

        var response = await op.PostAsJsonAsync("/api/customs/tariffs", new { hub = "MY", prefix = "999998", description = "Too early", dutyRate = 0.05m, vatRate = 0.1m, validFrom = "2031-03-01" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("validFrom")[0].ToString().ShouldContain("2031-03-01");
        (await Schedule(op, "999998")).ShouldBe([(0.08m, "2031-01-01", "2031-03-01"), (0.02m, "2031-03-01", "2031-04-01"), (0.08m, "2031-04-01", null)]);
    }

    [Fact]
    public async Task PublishFxRate_OpenEndedBeforeAResumedRate_EndsTheChangeAndTheResumedRateGoes()
    {
        using var op = host.Operator();
        await Created(op, "/api/customs/fx-rates", new { hub = "MY", currency = "SEK", rate = 0.41m, validFrom = "2031-01-01" });
        await Created(op, "/api/customs/fx-rates", new { hub = "MY", currency = "SEK", rate = 0.43m, validFrom = "2031-03-01", validTo = "2031-04-01" });

        await Created(op, "/api/customs/fx-rates", new { hub = "MY", currency = "SEK", rate = 0.45m, validFrom = "2031-03-20" });

        (await FxOn(op, "2031-02-28", "SEK")).ShouldBe([0.41m]);
        (await FxOn(op, "2031-03-19", "SEK")).ShouldBe([0.43m]);
        (await FxOn(op, "2031-03-20", "SEK")).ShouldBe([0.45m]);
        (await FxOn(op, "2031-04-01", "SEK")).ShouldBe([0.45m]);
        (await FxOn(op, "2032-01-01", "SEK")).ShouldBe([0.45m]);
        (await op.GetFromJsonAsync<JsonElement>("/api/customs/fx-rates?hub=MY")).EnumerateArray().Count(r => r.GetProperty("currency").GetString() == "SEK").ShouldBe(3);
    }

    /// <summary>V1 from 2031-01-01 at 8 %, V2 from 2031-03-01 to 2031-04-01 at 2 %, so V1 resumes from 2031-04-01 as V3.</summary>
    private static async Task InterruptedTariff(HttpClient op, string prefix)
    {
        await Created(op, "/api/customs/tariffs", new { hub = "MY", prefix, description = "Test line", dutyRate = 0.08m, vatRate = 0.1m, validFrom = "2031-01-01" });
        await Created(op, "/api/customs/tariffs", new
        {
            hub = "MY", prefix, description = "Month cut", dutyRate = 0.02m, vatRate = 0.1m, validFrom = "2031-03-01", validTo = "2031-04-01",
        });
    }

    private static async Task<List<(decimal, string?, string?)>> Schedule(HttpClient op, string prefix) =>
        [.. (await op.GetFromJsonAsync<JsonElement>($"/api/customs/tariffs?hub=MY&prefix={prefix}")).EnumerateArray()
            .Select(l => (l.GetProperty("dutyRate").GetDecimal(), l.GetProperty("validFrom").GetString(), l.GetProperty("validTo").GetString()))];

    private static async Task<JsonElement> Created(HttpClient op, string path, object body)
    {
        var response = await op.PostAsJsonAsync(path, body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static async Task<List<decimal>> DutyOn(HttpClient op, string on, string prefix = "999994") =>
        [.. (await op.GetFromJsonAsync<JsonElement>($"/api/customs/tariffs?hub=MY&prefix={prefix}&on={on}")).EnumerateArray().Select(l => l.GetProperty("dutyRate").GetDecimal())];

    private static async Task<List<decimal>> FxOn(HttpClient op, string on, string currency = "CHF") =>
        [.. (await op.GetFromJsonAsync<JsonElement>($"/api/customs/fx-rates?hub=MY&on={on}")).EnumerateArray()
            .Where(r => r.GetProperty("currency").GetString() == currency).Select(r => r.GetProperty("rate").GetDecimal())];
}
