using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>
/// The concurrency limits of this process's gRPC clients (<see cref="CallConcurrency"/>), one per target, as gauges
/// operators watch: <c>hub.grpc.client.call_limit</c> (the attempts let through at once) and
/// <c>hub.grpc.client.calls_waiting</c>, each tagged with the target ("Customs", "Catalog of hub KR").
/// </summary>
public sealed class CallLimits
{
    /// <summary>The meter the gauges are on.</summary>
    public const string MeterName = "Hub.Grpc.Client";

    private readonly ConcurrentDictionary<string, CallConcurrency> _targets = new();

    /// <summary>Creates the gauges on the <see cref="MeterName"/> meter.</summary>
    public CallLimits(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("hub.grpc.client.call_limit", () => Observe(c => c.Limit), "{call}", "Attempts let through to the target at once now.");
        meter.CreateObservableGauge("hub.grpc.client.calls_waiting", () => Observe(c => c.Waiting), "{call}", "Attempts waiting for their turn to the target.");
    }

    internal void Track(string target, CallConcurrency limit) => _targets[target] = limit;

    private IEnumerable<Measurement<int>> Observe(Func<CallConcurrency, int> read) =>
        _targets.Select(t => new Measurement<int>(read(t.Value), new KeyValuePair<string, object?>("target", t.Key)));
}
