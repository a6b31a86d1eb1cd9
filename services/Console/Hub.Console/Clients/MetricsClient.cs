using System.Globalization;
using Microsoft.Extensions.Options;

namespace Hub.Console.Clients;

/// <summary>Reads a process's Prometheus text exposition (<c>/metrics</c>) into name → summed value.</summary>
internal sealed class MetricsClient(HttpClient http, IOptions<ConsoleOptions> options)
{
    public async Task<MetricSample?> ScrapeAsync(Uri address, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Patience);
            var text = await http.GetStringAsync(new Uri(address, "/metrics"), timeout.Token);
            return MetricSample.Parse(text);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return null;
        }
    }
}

/// <summary>Series of one scrape, summed over their labels (one process exports one series per name for the outbox figures).</summary>
internal sealed class MetricSample(IReadOnlyDictionary<string, double> values, IReadOnlyList<(string Name, string Labels, double Value)> series)
{
    public double? this[string name] => values.TryGetValue(name, out var value) ? value : null;

    /// <summary>A metric's series split by one label (<c>hub_orders_in_state{state="Placed"}</c> → Placed), summed over the others.</summary>
    public IReadOnlyDictionary<string, double> ByLabel(string name, string label)
    {
        var prefix = label + "=\"";
        var split = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (_, labels, value) in series.Where(s => s.Name == name))
        {
            var start = labels.IndexOf(prefix, StringComparison.Ordinal);
            if (start < 0 || (start > 0 && labels[start - 1] != ',' && labels[start - 1] != '{'))
            {
                continue;
            }

            start += prefix.Length;
            var end = labels.IndexOf('"', start);
            var key = end < 0 ? labels[start..] : labels[start..end];
            split[key] = split.GetValueOrDefault(key) + value;
        }

        return split;
    }

    public static MetricSample Parse(string text)
    {
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        var series = new List<(string, string, double)>();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var nameEnd = line.IndexOfAny(['{', ' ']);
            if (nameEnd <= 0)
            {
                continue;
            }

            var brace = line.LastIndexOf('}');
            var valueStart = brace >= 0 ? brace + 1 : nameEnd;

            var fields = line[valueStart..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length > 0 && double.TryParse(fields[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                var name = line[..nameEnd];
                values[name] = values.GetValueOrDefault(name) + value;
                series.Add((name, brace >= 0 ? line[nameEnd..(brace + 1)] : "", value));
            }
        }

        return new MetricSample(values, series);
    }
}
