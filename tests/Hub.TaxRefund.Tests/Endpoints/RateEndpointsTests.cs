using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Contracts.Values;
using Microsoft.EntityFrameworkCore;

namespace Hub.TaxRefund.Tests.Endpoints;

public sealed class RateEndpointsTests(TaxRefundHost host) : IClassFixture<TaxRefundHost>
{
    [Fact]
    public async Task List_SeededChinaBatteries_RateInForceOnEachSideOfTheChange()
    {
        using var client = host.Sme(CompanyId.Parse("KR-C-000301"));

        var before = await client.GetFromJsonAsync<JsonElement>("/api/tax-refund/rates?hub=CN&hsCode=850760&on=2024-11-30");
        var after = await client.GetFromJsonAsync<JsonElement>("/api/tax-refund/rates?hub=CN&hsCode=850760&on=2024-12-01");

        before.EnumerateArray().Single(r => r.GetProperty("hsPrefix").GetString() == "8507").GetProperty("rate").GetDecimal().ShouldBe(0.13m);
        after.EnumerateArray().Single(r => r.GetProperty("hsPrefix").GetString() == "8507").GetProperty("rate").GetDecimal().ShouldBe(0.09m);
    }

    [Fact]
    public async Task Add_NewLineForOpenEndedPrefix_EndsThePreviousLine()
    {
        using var op = host.Operator();

        (await op.PostAsJsonAsync("/api/tax-refund/rates", new { hub = "KR", hsPrefix = "6109", rate = 0.08m, validFrom = "2025-01-01" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await op.PostAsJsonAsync("/api/tax-refund/rates", new { hub = "KR", hsPrefix = "6109", rate = 0.05m, validFrom = "2027-01-01" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        await using var db = host.Db();
        var lines = await db.RefundRates.Where(r => r.Hub == "KR" && r.HsPrefix == "6109").OrderBy(r => r.ValidFrom).ToListAsync();
        lines.Count.ShouldBe(2);
        lines[0].ValidTo.ShouldBe(new DateOnly(2027, 1, 1));
        lines[1].ValidTo.ShouldBeNull();
    }

    [Fact]
    public async Task Add_BoundedLineInsideOpenEndedLine_OpenLineResumesAfterIt()
    {
        using var op = host.Operator();

        (await op.PostAsJsonAsync("/api/tax-refund/rates", new { hub = "KR", hsPrefix = "8541", rate = 0.07m, validFrom = "2025-01-01" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var added = await op.PostAsJsonAsync("/api/tax-refund/rates", new { hub = "KR", hsPrefix = "8541", rate = 0.05m, validFrom = "2027-01-01", validTo = "2027-07-01" });

        added.StatusCode.ShouldBe(HttpStatusCode.Created);
        async Task<decimal> RateOn(string day) =>
            (await op.GetFromJsonAsync<JsonElement>($"/api/tax-refund/rates?hub=KR&hsCode=854143&on={day}")).EnumerateArray()
                .Single(r => r.GetProperty("hsPrefix").GetString() == "8541").GetProperty("rate").GetDecimal();
        var before = await RateOn("2026-12-31");
        (await RateOn("2027-01-01")).ShouldBe(0.05m);
        (await RateOn("2027-06-30")).ShouldBe(0.05m);
        (await RateOn("2027-07-01")).ShouldBe(before);
        (await RateOn("2030-01-01")).ShouldBe(before);
    }

    [Fact]
    public async Task Add_LineStartingWhereAnotherStarts_ConflictTitledAsAnOverlap()
    {
        using var op = host.Operator();
        (await op.PostAsJsonAsync("/api/tax-refund/rates", new { hub = "KR", hsPrefix = "7777", rate = 0.07m, validFrom = "2025-01-01" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var again = await op.PostAsJsonAsync("/api/tax-refund/rates", new { hub = "KR", hsPrefix = "7777", rate = 0.05m, validFrom = "2025-01-01", validTo = "2025-06-01" });

        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await again.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("title").GetString().ShouldBe("The rate overlaps another line of the schedule.");
        problem.GetProperty("detail").GetString()!.ShouldContain("2025-01-01");
        await using var db = host.Db();
        (await db.RefundRates.CountAsync(r => r.Hub == "KR" && r.HsPrefix == "7777")).ShouldBe(1);
    }

    [Fact]
    public async Task Add_ManyLinesOfOnePrefixAtOnce_ScheduleStaysOneUnbrokenChainAndNoneFails()
    {
        using var op = host.Operator();
        var starts = new[] { "2025-01-01", "2025-02-01", "2025-03-01", "2025-04-01", "2025-05-01", "2025-06-01", "2025-06-01", "2025-06-01" };

        var responses = await Task.WhenAll(starts.Select((from, i) =>
            op.PostAsJsonAsync("/api/tax-refund/rates", new { hub = "KR", hsPrefix = "6666", rate = 0.01m * (i + 1), validFrom = from })));

        responses.Select(r => r.StatusCode).ShouldAllBe(status => status == HttpStatusCode.Created || status == HttpStatusCode.Conflict);
        responses.ShouldContain(r => r.StatusCode == HttpStatusCode.Created);
        await using var db = host.Db();
        var lines = await db.RefundRates.Where(r => r.Hub == "KR" && r.HsPrefix == "6666").OrderBy(r => r.ValidFrom).ToListAsync();
        lines.Count.ShouldBe(responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        for (var i = 0; i < lines.Count - 1; i++)
        {
            lines[i].ValidTo.ShouldBe(lines[i + 1].ValidFrom, $"line {i} ends where the next starts");
        }

        lines[^1].ValidTo.ShouldBeNull();
    }

    [Fact]
    public async Task Add_BadInput_ProblemDetailsAndNothingAdded()
    {
        using var op = host.Operator();
        await using var before = host.Db();
        var count = await before.RefundRates.CountAsync();

        var bad = await op.PostAsJsonAsync("/api/tax-refund/rates", new { hub = "KR", hsPrefix = "85x", rate = 1.5m, validFrom = "2025-01-01" });
        var missing = await op.PostAsJsonAsync("/api/tax-refund/rates", new { hub = "KR" });

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("hsPrefix", out _).ShouldBeTrue();
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await missing.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("rate", out _).ShouldBeTrue();
        errors.TryGetProperty("validFrom", out _).ShouldBeTrue();
        await using var after = host.Db();
        (await after.RefundRates.CountAsync()).ShouldBe(count);
    }

    [Fact]
    public async Task Add_RateWithMoreDecimalsThanKept_ProblemNamingTheRateAndNothingAdded()
    {
        using var op = host.Operator();

        var response = await op.PostAsJsonAsync("/api/tax-refund/rates", new { hub = "KR", hsPrefix = "9999", rate = 0.1234567891m, validFrom = "2030-01-01" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["rate"]);
        await using var db = host.Db();
        (await db.RefundRates.AnyAsync(r => r.HsPrefix == "9999")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("ZZ")]
    [InlineData("CN")]
    public async Task Add_LineForAnotherHub_ProblemNamingTheHubAndNothingAdded(string hub)
    {
        using var op = host.Operator();
        await using var before = host.Db();
        var count = await before.RefundRates.CountAsync();

        var response = await op.PostAsJsonAsync("/api/tax-refund/rates", new { hub, hsPrefix = "9998", rate = 0.05m, validFrom = "2030-01-01" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["hub"]);
        await using var after = host.Db();
        (await after.RefundRates.CountAsync()).ShouldBe(count);
    }

    [Fact]
    public async Task Add_Sme_Forbidden()
    {
        using var client = host.Sme(CompanyId.Parse("KR-C-000301"));

        (await client.PostAsJsonAsync("/api/tax-refund/rates", new { hub = "KR", hsPrefix = "", rate = 0.5m, validFrom = "2025-01-01" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
