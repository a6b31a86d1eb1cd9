using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Hub.ServiceDefaults.Health;

/// <summary>
/// Logs the readiness checks when what they report changes, not each time they are asked. A process starting waits
/// for its database and bus, whose endpoints come up one after another (the bus reports ready, then an endpoint connected
/// after it not started): until every check has stayed healthy for <see cref="Settle"/>, a check that is not ready yet
/// is information, and "Ready" is logged once they have. After that a check that fails is an error (a warning when only
/// degraded) and its recovery information. The checks run every <see cref="Period"/> whether or not anyone probes
/// <c>/health/ready</c>, so an outage is logged once when it begins, again if what fails changes, and once when it ends.
/// </summary>
internal sealed partial class HealthTransitionLog(ILogger<HealthTransitionLog> logger, TimeProvider clock) : IHealthCheckPublisher
{
    /// <summary>How often the readiness checks run for this log.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    /// <summary>How long every check stays healthy before a starting process counts as ready.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);

    /// <summary>The category whose every failing probe is logged by the health check service; this log replaces it.</summary>
    public const string ProbeLogCategory = "Microsoft.Extensions.Diagnostics.HealthChecks.DefaultHealthCheckService";

    private readonly Lock _gate = new();
    private readonly Dictionary<string, (HealthStatus Status, string Description)> _last = [];
    private bool _ready;
    private DateTimeOffset? _healthySince;

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            foreach (var (name, entry) in report.Entries)
            {
                var state = (entry.Status, Description: entry.Description ?? entry.Exception?.Message ?? "no description");
                var known = _last.TryGetValue(name, out var before);
                if (known && before == state)
                {
                    continue;
                }

                _last[name] = state;
                if (entry.Status == HealthStatus.Healthy)
                {
                    if (_ready && known)
                    {
                        LogRecovered(name, state.Description);
                    }
                }
                else if (!_ready)
                {
                    LogNotReadyYet(name, entry.Status, state.Description);
                }
                else if (entry.Status == HealthStatus.Degraded)
                {
                    LogDegraded(entry.Exception, name, state.Description);
                }
                else
                {
                    LogUnhealthy(entry.Exception, name, state.Description);
                }
            }

            if (!_ready)
            {
                var now = clock.GetUtcNow();
                _healthySince = report.Status == HealthStatus.Healthy ? _healthySince ?? now : null;
                if (now - _healthySince >= Settle)
                {
                    _ready = true;
                    LogReady(report.Entries.Count);
                }
            }
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Not ready yet: {Check} is {Status}: {Description}")]
    private partial void LogNotReadyYet(string check, HealthStatus status, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Ready: {Checks} readiness check(s) healthy")]
    private partial void LogReady(int checks);

    [LoggerMessage(Level = LogLevel.Error, Message = "Readiness check {Check} is unhealthy: {Description}")]
    private partial void LogUnhealthy(Exception? exception, string check, string description);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Readiness check {Check} is degraded: {Description}")]
    private partial void LogDegraded(Exception? exception, string check, string description);

    [LoggerMessage(Level = LogLevel.Information, Message = "Readiness check {Check} is healthy again: {Description}")]
    private partial void LogRecovered(string check, string description);
}
