using System.Diagnostics;
using System.Globalization;
using Hub.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using static Hub.Benchmarks.Shared.Figures;

namespace Hub.Benchmarks.Outbox;

/// <summary>
/// Commit → consume latency with the relay service running as in production (woken by LISTEN/NOTIFY): a paced
/// producer commits one message per transaction, on schedule even when a commit is slow (up to
/// <see cref="MaxInFlight"/> at once), so a stall shows up as latency instead of as a lower offered rate.
/// </summary>
internal static class LatencyPhase
{
    private const int MaxInFlight = 64;

    public static async Task<LatencyResult> RunAsync(IServiceProvider services, DeliveryRecorder recorder, int run, int rate, int seconds, bool profile, TimeSpan drainTimeout)
    {
        var total = rate * seconds;
        var committing = new long[total];
        var committed = new long[total];
        var messageIds = new Guid[total];
        var expectation = recorder.Expect(run, total);
        using var inFlight = new SemaphoreSlim(MaxInFlight);
        var commits = new List<Task>(total);

        services.GetService<TimedDispatcher>()?.TakeDurations();
        var stages = services.GetService<StageClock>();
        stages?.Clear();
        var started = Stopwatch.GetTimestamp();
        for (var issued = 0; issued < total;)
        {
            var due = Math.Min(total, (int)(Stopwatch.GetElapsedTime(started).TotalSeconds * rate) + 1);
            for (; issued < due; issued++)
            {
                await inFlight.WaitAsync();
                commits.Add(CommitAsync(services, run, issued, committing, committed, messageIds, inFlight));
            }

            await Task.Delay(1);
        }

        await Task.WhenAll(commits);
        var producing = Stopwatch.GetElapsedTime(started);
        await expectation.WaitAsync(drainTimeout);

        var relayProfile = profile
            ? await ProfileRelayAsync(services, run) + Environment.NewLine + ProfileStages(stages!, messageIds, committed, expectation.Timestamps)
                + Environment.NewLine + ProfileSeconds(started, committed, expectation.Timestamps)
            : null;
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
            [.. latencies.Order()], [.. commitDurations.Order()])
        {
            Profile = relayProfile,
        };
    }

    // The relay's share of the latency, from the rows themselves: created (just before the producer's commit) →
    // confirmed by the broker; each distinct sent_at is one relay batch.
    private static async Task<string> ProfileRelayAsync(IServiceProvider services, int run)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
        var rows = db.OutboxMessages.FromSql($"SELECT * FROM outbox_messages WHERE (body ->> 'run')::int = {run} AND sent_at IS NOT NULL");
        var lags = (await rows.Select(m => new { m.CreatedAt, SentAt = m.SentAt!.Value }).ToListAsync())
            .Select(m => (m.SentAt - m.CreatedAt).TotalMilliseconds).Order().ToArray();
        var batches = await rows.Select(m => m.SentAt).Distinct().CountAsync();
        var dispatches = services.GetRequiredService<TimedDispatcher>().TakeDurations();
        return string.Create(CultureInfo.InvariantCulture,
            $"relay lag (created → batch confirmed) p50 {Percentile(lags, 50):0.0} ms, p99 {Percentile(lags, 99):0.0} ms; {batches} relay batches, {(double)lags.Length / Math.Max(1, batches):0.0} messages each; one publish → confirm p50 {Percentile(dispatches, 50):0.0} ms, p99 {Percentile(dispatches, 99):0.0} ms");
    }

    // Each message's way split into stages; every figure is per message, so the stages' p99s do not add up to the total's.
    private static string ProfileStages(StageClock stages, Guid[] messageIds, long[] committed, ReadOnlySpan<long> handled)
    {
        (string Name, List<double> Values)[] spans =
        [
            ("commit → relay dispatch", []),
            ("dispatch → broker confirm", []),
            ("dispatch → consumer receives", []),
            ("receives → handler (inbox insert)", []),
            ("handler → inbox committed", []),
            ("commit → inbox committed", []),
        ];
        for (var i = 0; i < messageIds.Length; i++)
        {
            var dispatched = stages.At(messageIds[i], Stage.Dispatched);
            var arrived = stages.At(messageIds[i], Stage.Arrived);
            var inbox = stages.At(messageIds[i], Stage.InboxCommitted);
            Add(spans[0].Values, committed[i], dispatched);
            Add(spans[1].Values, dispatched, stages.At(messageIds[i], Stage.Confirmed));
            Add(spans[2].Values, dispatched, arrived);
            Add(spans[3].Values, arrived, handled[i]);
            Add(spans[4].Values, handled[i], inbox);
            Add(spans[5].Values, committed[i], inbox);
        }

        return string.Join(Environment.NewLine, spans.Select(s =>
        {
            double[] sorted = [.. s.Values.Order()];
            return string.Create(CultureInfo.InvariantCulture,
                $"           {s.Name,-36} p50 {Percentile(sorted, 50),7:0.0}  p90 {Percentile(sorted, 90),7:0.0}  p99 {Percentile(sorted, 99),7:0.0} ms ({sorted.Length})");
        }));

        static void Add(List<double> values, long from, long to)
        {
            if (from != 0 && to != 0)
            {
                values.Add(Stopwatch.GetElapsedTime(from, to).TotalMilliseconds);
            }
        }
    }

    // The p99 of each second's commits, by when they committed: a stall shows as a few bad seconds, saturation as a climb.
    private static string ProfileSeconds(long started, long[] committed, ReadOnlySpan<long> handled)
    {
        var bySecond = new SortedDictionary<int, List<double>>();
        for (var i = 0; i < committed.Length; i++)
        {
            if (committed[i] != 0 && handled[i] != 0)
            {
                var second = (int)Stopwatch.GetElapsedTime(started, committed[i]).TotalSeconds;
                if (!bySecond.TryGetValue(second, out var values))
                {
                    bySecond[second] = values = [];
                }

                values.Add(Stopwatch.GetElapsedTime(committed[i], handled[i]).TotalMilliseconds);
            }
        }

        return "           p99 by second of commit (ms): " + string.Join(' ', bySecond.Values.Select(v =>
        {
            double[] sorted = [.. v.Order()];
            return Percentile(sorted, 99).ToString("0", CultureInfo.InvariantCulture);
        }));
    }

    private static async Task CommitAsync(IServiceProvider services, int run, int sequence, long[] committing, long[] committed, Guid[] messageIds, SemaphoreSlim inFlight)
    {
        try
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
            messageIds[sequence] = scope.ServiceProvider.GetRequiredService<IOutbox>().Publish(BenchmarkMessage.Create(run, sequence));
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
