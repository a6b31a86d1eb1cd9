namespace Hub.Benchmarks.Outbox;

// Latencies (commit → consume) and CommitDurations (the producer's own transaction) are milliseconds, sorted.
internal sealed record LatencyResult(int Offered, TimeSpan Producing, int Received, int Duplicates, double[] Latencies, double[] CommitDurations)
{
    public string? Profile { get; init; }

    public double OfferedRate => Offered / Producing.TotalSeconds;

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
