using System.Diagnostics;
using Hub.ServiceDefaults.Messaging.Outbox;

namespace Hub.Benchmarks.Outbox;

/// <summary>
/// Commit → consume latency with the relay service running as in production (woken by LISTEN/NOTIFY): a paced
/// producer commits one message per transaction, on schedule even when a commit is slow (up to
/// <see cref="MaxInFlight"/> at once), so a stall shows up as latency instead of as a lower offered rate.
/// </summary>
internal static class LatencyPhase
{
    private const int MaxInFlight = 64;

    public static async Task<LatencyResult> RunAsync(IServiceProvider services, DeliveryRecorder recorder, int run, int rate, int seconds, TimeSpan drainTimeout)
    {
        var total = rate * seconds;
        var committing = new long[total];
        var committed = new long[total];
        var expectation = recorder.Expect(run, total);
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        var commits = new List<Task>(total);

        var started = Stopwatch.GetTimestamp();
        for (var issued = 0; issued < total;)
        {
            var due = Math.Min(total, (int)(Stopwatch.GetElapsedTime(started).TotalSeconds * rate) + 1);
            for (; issued < due; issued++)
            {
                await inFlight.WaitAsync();
                commits.Add(CommitAsync(services, run, issued, committing, committed, inFlight));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(commits);
        var producing = Stopwatch.GetElapsedTime(started);
        await expectation.WaitAsync(drainTimeout);

        var received = expectation.Timestamps;
        var latencies = new List<double>(total);
        for (var i = 0; i < total; i++)
        {
            if (received[i] != 0)
            {
                latencies.Add(Stopwatch.GetElapsedTime(committed[i], received[i]).TotalMilliseconds);
            }
        }

        var commitDurations = Enumerable.Range(0, total).Select(i => Stopwatch.GetElapsedTime(committing[i], committed[i]).TotalMilliseconds);
        return new LatencyResult(total, producing, expectation.Received, expectation.Duplicates,
            [.. latencies.Order()], [.. commitDurations.Order()]);
    }

    private static async Task CommitAsync(IServiceProvider services, int run, int sequence, long[] committing, long[] committed, SemaphoreSlim inFlight)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
            scope.ServiceProvider.GetRequiredService<IOutbox>().Publish(BenchmarkMessage.Create(run, sequence));
            committing[sequence] = Stopwatch.GetTimestamp();
            await db.SaveChangesAsync();
            committed[sequence] = Stopwatch.GetTimestamp();
        }
        finally
        {
            inFlight.Release();
        }
    }
}
