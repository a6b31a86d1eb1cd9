using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Hub.ServiceDefaults.Observability;

namespace Hub.Console.Metrics;

/// <summary>
/// Figures the console exports for Prometheus: <c>hub_error_queue_messages{queue}</c> and <c>hub_partner_reachable{partner}</c>
/// (1 or 0). Gauges are observed synchronously, so <see cref="ConsoleMetricsSampler"/> refreshes the values in the background.
/// </summary>
internal sealed class ConsoleMetrics
{
    private readonly ConcurrentDictionary<string, long> _errorQueues = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _partners = new(StringComparer.Ordinal);

    public ConsoleMetrics(ServiceMetrics metrics)
    {
        metrics.Meter.CreateObservableGauge("hub.error_queue.messages",
            () => _errorQueues.Select(q => new Measurement<long>(q.Value, new KeyValuePair<string, object?>("queue", q.Key))),
            description: "Messages waiting in each endpoint's error (_error) and skipped (_skipped) queue.");
        metrics.Meter.CreateObservableGauge("hub.partner.reachable",
            () => _partners.Select(p => new Measurement<int>(p.Value, new KeyValuePair<string, object?>("partner", p.Key))),
            description: "1 when the partner hub's gateway answers, else 0.");
    }

    public void ErrorQueues(IEnumerable<(string Queue, long Messages)> queues)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (queue, messages) in queues)
        {
            _errorQueues[queue] = messages;
            seen.Add(queue);
        }

        foreach (var gone in _errorQueues.Keys.Where(k => !seen.Contains(k)))
        {
            _errorQueues.TryRemove(gone, out _);
        }
    }

    public void PartnerReachable(string partner, bool reachable) => _partners[partner] = reachable ? 1 : 0;
}
