namespace Hub.Benchmarks.Outbox;

// Latencies (commit → consume) and CommitDurations (the producer's own transaction) are milliseconds, sorted.
internal sealed record LatencyResult(int Offered, TimeSpan Producing, int Received, int Duplicates, double[] Latencies, double[] CommitDurations)
{
    public string? Profile { get; init; }

    public double OfferedRate => Offered / Producing.TotalSeconds;
}
