using System.Globalization;
using Hub.Benchmarks.Shared;

namespace Hub.Benchmarks.Gateway;

/// <summary>Requests completed in a timed window, with their latencies in milliseconds (sorted) and any failures.</summary>
internal sealed record LoadResult(string Name, int Completed, int Failed, TimeSpan Duration, double[] Latencies)
{
    public double PerSecond => Completed / Duration.TotalSeconds;

    public double Percentile(double p) => Figures.Percentile(Latencies, p);

    public string Row() => string.Create(CultureInfo.InvariantCulture,
        $"{Name,-22} {Completed,9} {Failed,7} {PerSecond,10:0} {Percentile(50),8:0.00} {Percentile(99),8:0.00}");
}
