namespace Hub.Benchmarks.Outbox;

/// <summary>What the benchmark publishes; about the size of a small integration event.</summary>
/// <param name="Id">A business id, as real events carry one.</param>
/// <param name="Run">Which phase sent it, so a late message of an earlier phase is not counted in a later one.</param>
/// <param name="Sequence">Position in the phase, 0-based; indexes the send and receive timestamps.</param>
/// <param name="CreatedAt">When the producer created it (UTC); informative only, latency is measured in-process.</param>
public sealed record BenchmarkMessage(Guid Id, int Run, int Sequence, DateTime CreatedAt)
{
    internal static BenchmarkMessage Create(int run, int sequence) => new(Guid.NewGuid(), run, sequence, DateTime.UtcNow);
}
