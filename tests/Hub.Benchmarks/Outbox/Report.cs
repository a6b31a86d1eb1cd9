using System.Runtime.InteropServices;
using static Hub.Benchmarks.Shared.Figures;

namespace Hub.Benchmarks.Outbox;

/// <summary>The figures, and whether they meet the targets of the outbox issue.</summary>
internal static class Report
{
    private const double RelayRatioTarget = 0.8;
    private const double P99TargetMs = 50;
    private const int LatencyTargetRate = 500;

    // A latency figure counts only at the rate it was measured at; pacing may fall short by a rounding error.
    private const double RateTolerance = 0.98;

    public static void Progress(ThroughputResult result) =>
        Console.WriteLine(Invariant($"{result.Phase}: {result.Messages} messages in {result.Elapsed.TotalSeconds:0.00} s"));

    /// <summary>The 1-minute load average (Linux), since other work on the machine moves every figure.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <returns>Whether every target was met.</returns>
    public static bool Print(OutboxBenchmarkOptions options, BenchmarkEnvironment environment, ThroughputResult raw, ThroughputResult relay, LatencyResult latency)
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"Outbox benchmark: {Environment.ProcessorCount} CPUs (load {environment.LoadBefore} → {environment.LoadAfter}), {RuntimeInformation.FrameworkDescription}, PostgreSQL {environment.Postgres}"));
        Console.WriteLine(Invariant($"{environment.Loops} × {environment.BatchSize} publishes in flight (relay batches at once × batch size), publisher confirms, persistent; consumer behind the inbox"));
        Console.WriteLine(Invariant($"Latency phase: relay service, up to {environment.ConcurrentBatches} batches at once; consumer prefetch {environment.Prefetch}, {environment.ConcurrentMessages} messages at once"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"{"Phase",-26}{"Messages",10}{"Seconds",10}{"msg/s",10}{"Consumed msg/s",16}"));
        foreach (var r in new[] { raw, relay })
        {
            Console.WriteLine(Invariant($"{r.Phase,-26}{r.Messages,10}{r.Elapsed.TotalSeconds,10:0.00}{r.Rate,10:0}{r.ConsumeRate,16:0}{(r.Problem is null ? "" : "  ! " + r.Problem)}"));
        }

        Console.WriteLine();
        Console.WriteLine(Invariant($"Commit → consume latency: {latency.Offered} commits at {latency.OfferedRate:0} msg/s (asked {options.Rate}), received {latency.Received}/{latency.Offered}, {latency.Duplicates} duplicates"));
        Console.WriteLine(Invariant($"  p50 {Percentile(latency.Latencies, 50):0.0} ms   p90 {Percentile(latency.Latencies, 90):0.0} ms   p99 {Percentile(latency.Latencies, 99):0.0} ms   max {Percentile(latency.Latencies, 100):0.0} ms"));
        Console.WriteLine(Invariant($"  (the producer's commit itself: p50 {Percentile(latency.CommitDurations, 50):0.0} ms, p99 {Percentile(latency.CommitDurations, 99):0.0} ms)"));
        if (options.Profile)
        {
            Console.WriteLine();
            Console.WriteLine($"Profile  raw:     {raw.Profile}");
            Console.WriteLine($"         relay:   {relay.Profile}");
            Console.WriteLine($"         latency: {latency.Profile}");
        }

        Console.WriteLine();
        var ratio = relay.Rate / raw.Rate;
        var p99 = Percentile(latency.Latencies, 99);
        var delivered = raw.Problem is null && relay.Problem is null && latency.Received == latency.Offered;
        bool[] results =
        [
            Check(Invariant($"Relay / raw publish rate      {ratio,8:0.00}"), Invariant($"≥ {RelayRatioTarget:0.0}"), ratio >= RelayRatioTarget),
            Check(Invariant($"Latency p99 at {latency.OfferedRate,4:0} msg/s {p99,9:0.0} ms"), Invariant($"< {P99TargetMs:0} ms at ≥ {LatencyTargetRate} msg/s"),
                p99 < P99TargetMs && latency.OfferedRate >= LatencyTargetRate * RateTolerance),
            Check("Every message delivered", "all phases", delivered),
        ];
        return results.All(ok => ok);
    }
}
