using System.Net;
using Hub.ServiceDefaults.Health;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Hub.ServiceDefaults.Tests.Health;

public sealed class HealthTransitionLogTests
{
    private readonly RecordingLogs _logs = new();
    private readonly SettableClock _clock = new();

    [Fact]
    public async Task AProcessStarting_LogsWhatItWaitsForAsInformation_ThenReadyOnceEveryCheckStayedHealthy()
    {
        var log = new HealthTransitionLog(_logs.CreateLogger<HealthTransitionLog>(), _clock);
        HealthReport Bus(HealthStatus status, string description) =>
            Report(("masstransit-bus", status, description), ("postgresql", HealthStatus.Healthy, "Reachable"));

        await log.PublishAsync(Bus(HealthStatus.Unhealthy, "Not ready: not started"), default);
        await log.PublishAsync(Bus(HealthStatus.Unhealthy, "Not ready: not started"), default);
        await log.PublishAsync(Bus(HealthStatus.Healthy, "Ready"), default);
        // An endpoint connected after the bus started is not started yet.
        await log.PublishAsync(Bus(HealthStatus.Unhealthy, "Not ready: not started"), default);
        await log.PublishAsync(Bus(HealthStatus.Healthy, "Ready"), default);
        _clock.Advance(HealthTransitionLog.Settle - TimeSpan.FromSeconds(1));
        await log.PublishAsync(Bus(HealthStatus.Healthy, "Ready"), default);
        _logs.Of<HealthTransitionLog>().ShouldNotContain(m => m.Item2.StartsWith("Ready", StringComparison.Ordinal), "not healthy long enough yet");
        _clock.Advance(TimeSpan.FromSeconds(1));
        await log.PublishAsync(Bus(HealthStatus.Healthy, "Ready"), default);
        await log.PublishAsync(Bus(HealthStatus.Healthy, "Ready"), default);

        _logs.Of<HealthTransitionLog>().ShouldBe([
            (LogLevel.Information, "Not ready yet: masstransit-bus is Unhealthy: Not ready: not started"),
            (LogLevel.Information, "Not ready yet: masstransit-bus is Unhealthy: Not ready: not started"),
            (LogLevel.Information, "Ready: 2 readiness check(s) healthy"),
        ]);
    }

    [Fact]
    public async Task AnOutageAfterReady_IsOneErrorWhenItBeginsAndChanges_AndItsEndIsInformation()
    {
        var log = new HealthTransitionLog(_logs.CreateLogger<HealthTransitionLog>(), _clock);
        var refused = new InvalidOperationException("connection refused");
        await ReadyAsync(log, ("postgresql", HealthStatus.Healthy, "Reachable"));

        await log.PublishAsync(Report(("postgresql", HealthStatus.Unhealthy, "PostgreSQL check failed.", refused)), default);
        await log.PublishAsync(Report(("postgresql", HealthStatus.Unhealthy, "PostgreSQL check failed.", refused)), default);
        await log.PublishAsync(Report(("postgresql", HealthStatus.Unhealthy, "1 migration(s) not applied")), default);
        await log.PublishAsync(Report(("postgresql", HealthStatus.Healthy, "Reachable")), default);

        _logs.Of<HealthTransitionLog>().ShouldBe([
            (LogLevel.Information, "Ready: 1 readiness check(s) healthy"),
            (LogLevel.Error, "Readiness check postgresql is unhealthy: PostgreSQL check failed."),
            (LogLevel.Error, "Readiness check postgresql is unhealthy: 1 migration(s) not applied"),
            (LogLevel.Information, "Readiness check postgresql is healthy again: Reachable"),
        ]);
        _logs.Records.Select(r => r.Exception).ShouldContain(refused);
    }

    [Fact]
    public async Task ADegradedCheckAfterReady_IsAWarning()
    {
        var log = new HealthTransitionLog(_logs.CreateLogger<HealthTransitionLog>(), _clock);
        await ReadyAsync(log, ("hub", HealthStatus.Healthy, "partner:CN reachable"));

        await log.PublishAsync(Report(("hub", HealthStatus.Degraded, "partner:CN unreachable")), default);

        _logs.Of<HealthTransitionLog>().Last().ShouldBe((LogLevel.Warning, "Readiness check hub is degraded: partner:CN unreachable"));
    }

    [Fact]
    public async Task AServiceNotReady_AnswersEachProbe_WithoutLoggingAnErrorPerProbe()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(TestSecurity.Settings().Append(new("Hub:Id", "KR")));
        builder.AddServiceDefaults("health-test");
        builder.Logging.AddProvider(_logs);
        builder.Services.AddHealthChecks().AddCheck("bus", () => HealthCheckResult.Unhealthy("Not ready: not started"), tags: [HealthTags.Ready]);
        await using var app = builder.Build();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        using var client = app.GetTestClient();

        for (var probe = 0; probe < 3; probe++)
        {
            (await client.GetAsync("/health/ready")).StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        }

        await Eventually.TrueAsync(
            () => Task.FromResult(_logs.Of<HealthTransitionLog>().Contains((LogLevel.Information, "Not ready yet: bus is Unhealthy: Not ready: not started"))),
            TimeSpan.FromSeconds(10), "the readiness log notes what the process waits for");
        _logs.Records.ShouldNotContain(r => r.Category == HealthTransitionLog.ProbeLogCategory, "the probes themselves are not logged");
        _logs.Records.ShouldNotContain(r => r.Level >= LogLevel.Warning);
    }

    private async Task ReadyAsync(HealthTransitionLog log, (string Name, HealthStatus Status, string Description) check)
    {
        await log.PublishAsync(Report(check), default);
        _clock.Advance(HealthTransitionLog.Settle);
        await log.PublishAsync(Report(check), default);
    }

    private static HealthReport Report(params (string Name, HealthStatus Status, string Description, Exception? Exception)[] checks) =>
        new(checks.ToDictionary(c => c.Name, c => new HealthReportEntry(c.Status, c.Description, TimeSpan.Zero, c.Exception, null)), TimeSpan.Zero);

    private static HealthReport Report(params (string Name, HealthStatus Status, string Description)[] checks) =>
        Report([.. checks.Select(c => (c.Name, c.Status, c.Description, (Exception?)null))]);
}
