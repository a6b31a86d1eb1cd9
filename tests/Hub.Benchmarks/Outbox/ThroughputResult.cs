namespace Hub.Benchmarks.Outbox;

// Elapsed runs until the last publish was confirmed (raw) or the last row was marked sent (relay); Consumed until the
// consumer had every message; Problem says why the phase is not a clean measurement; Profile where the time went.
internal sealed record ThroughputResult(string Phase, int Messages, TimeSpan Elapsed, int Received, TimeSpan Consumed, string? Problem = null)
{
    public string? Profile { get; init; }

    public double Rate => Messages / Elapsed.TotalSeconds;

    public double ConsumeRate => Received / Consumed.TotalSeconds;
}
