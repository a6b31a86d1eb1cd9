using Hub.Console.Clients;

namespace Hub.Console.Metrics;

/// <summary>
/// A service's outbox as its <c>/metrics</c> shows it (instruments of Hub.ServiceDefaults' OutboxMetrics: hub.outbox.pending,
/// hub.outbox.oldest_pending_age, hub.outbox.lag, hub.outbox.published, hub.outbox.dispatch.failures).
/// </summary>
internal sealed record OutboxFigures(string Service, bool Scraped, double? Pending, double? OldestPendingAgeSeconds, double? MeanLagSeconds, double? Published, double? Failures)
{
    public static OutboxFigures From(string service, MetricSample? sample)
    {
        if (sample is null)
        {
            return new OutboxFigures(service, false, null, null, null, null, null);
        }

        var lagSum = sample["hub_outbox_lag_seconds_sum"];
        var lagCount = sample["hub_outbox_lag_seconds_count"];
        return new OutboxFigures(
            service,
            true,
            sample["hub_outbox_pending"],
            sample["hub_outbox_oldest_pending_age_seconds"],
            lagCount is > 0 ? lagSum / lagCount : null,
            sample["hub_outbox_published_total"],
            sample["hub_outbox_dispatch_failures_total"]);
    }
}
