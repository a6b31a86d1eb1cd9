using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Hub.ServiceDefaults.Observability;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Testing;

/// <summary>
/// Reads the instruments of one hosted service's own meter. Every host in the test process creates a meter of the same
/// name, and Prometheus exporters listen by name, so a scrape of /metrics would mix in other test classes' hosts.
/// </summary>
public sealed class OwnMeter : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Instrument, string Tags), double> _values = new();

    /// <summary>Listens to the meter of the host whose services these are.</summary>
    public OwnMeter(IServiceProvider services)
    {
        var meter = services.GetRequiredService<ServiceMetrics>().Meter;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter, meter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => _values[(instrument.Name, Key(tags))] = value);
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => _values[(instrument.Name, Key(tags))] = value);
        _listener.Start();
    }

    /// <summary>Observes the observable instruments now and sums the measurements of one that carry every given tag.</summary>
    public double? Observe(string instrument, params (string Key, string Value)[] tags)
    {
        _values.Clear();
        _listener.RecordObservableInstruments();
        var matching = _values.Where(v => v.Key.Instrument == instrument && tags.All(t => v.Key.Tags.Split(',').Contains($"{t.Key}={t.Value}"))).ToList();
        return matching.Count == 0 ? null : matching.Sum(v => v.Value);
    }

    /// <inheritdoc />
    public void Dispose() => _listener.Dispose();

    private static string Key(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var parts = new List<string>();
        foreach (var tag in tags)
        {
            parts.Add($"{tag.Key}={tag.Value}");
        }

        return string.Join(',', parts);
    }
}
