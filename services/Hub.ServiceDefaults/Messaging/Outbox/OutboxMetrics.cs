using System.Diagnostics.Metrics;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>Outbox and inbox figures operators watch: how much is waiting, how late it is, what failed.</summary>
public sealed class OutboxMetrics
{
    private readonly Counter<long> _published;
    private readonly Counter<long> _failed;
    private readonly Counter<long> _duplicates;
    private readonly Histogram<double> _lag;
    private long _pending;
    private double _oldestPendingAge;

    /// <summary>Creates the instruments on the <see cref="MessagingTelemetry.Name"/> meter.</summary>
    public OutboxMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MessagingTelemetry.Name);
        _published = meter.CreateCounter<long>("hub.outbox.published", "{message}", "Outbox messages confirmed by the broker.");
        _failed = meter.CreateCounter<long>("hub.outbox.dispatch.failures", "{message}", "Outbox dispatch attempts that failed and will be retried.");
        _duplicates = meter.CreateCounter<long>("hub.inbox.duplicates", "{message}", "Deliveries skipped because the consumer had already handled the message.");
        _lag = meter.CreateHistogram<double>("hub.outbox.lag", "s", "Time from commit to broker confirmation.");
        meter.CreateObservableGauge("hub.outbox.pending", () => Volatile.Read(ref _pending), "{message}", "Outbox messages not yet delivered.");
        meter.CreateObservableGauge("hub.outbox.oldest_pending_age", () => Volatile.Read(ref _oldestPendingAge), "s", "Age of the oldest undelivered outbox message.");
    }

    internal void Published(TimeSpan lag)
    {
        _published.Add(1);
        _lag.Record(lag.TotalSeconds);
    }

    internal void Failed() => _failed.Add(1);

    internal void Duplicate() => _duplicates.Add(1);

    internal void Backlog(long pending, TimeSpan oldestAge)
    {
        Volatile.Write(ref _pending, pending);
        Volatile.Write(ref _oldestPendingAge, oldestAge.TotalSeconds);
    }
}
