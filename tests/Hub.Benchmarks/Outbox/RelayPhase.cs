using System.Diagnostics;
using System.Globalization;
using Hub.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hub.Benchmarks.Outbox;

/// <summary>
/// The relay draining a backlog: rows are committed first (the host runs no relay service), then the real
/// <see cref="OutboxRelay"/> is driven as the relay service drains a backlog: <c>loops</c> loops at once, each batch
/// after full batch.
/// </summary>
internal static class RelayPhase
{
    private const int RowsPerTransaction = 1_000;

    public static async Task<ThroughputResult> RunAsync(IServiceProvider services, DeliveryRecorder recorder, int run, int messages, int batchSize, int loops, TimeSpan drainTimeout)
    {
        var expectation = recorder.Expect(run, messages);
        await FillAsync(services, run, messages);

        var relay = services.GetRequiredService<OutboxRelay>();
        var timed = services.GetService<TimedDispatcher>();
        var database = services.GetService<RelayDatabaseTimer>();
        timed?.TakeWindow();
        database?.Take();
        RelayDatabaseTimer.Measure();
        var batches = 0;
        var dispatching = TimeSpan.Zero;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, loops).Select(async _ =>
        {
            OutboxBatchResult batch;
            do
            {
                batch = await relay.RelayBatchAsync(CancellationToken.None);
                Interlocked.Increment(ref batches);
                dispatching += timed?.TakeWindow() ?? TimeSpan.Zero;
            }
            while (batch.Claimed == batchSize && batch.Failed == 0);
        }));

        var elapsed = Stopwatch.GetElapsedTime(started);
        var (claim, mark, commit) = database?.Take() ?? default;
        var complete = await expectation.WaitAsync(drainTimeout);
        var unsent = await CountUnsentAsync(services);
        var problem = (unsent, complete) switch
        {
            ( > 0, _) => $"{unsent} rows left unsent",
            (_, false) => $"only {expectation.Received} of {messages} consumed",
            _ => null,
        };
        return new ThroughputResult("Outbox relay", messages, elapsed, expectation.Received, Stopwatch.GetElapsedTime(started, expectation.Last), problem)
        {
            Profile = timed is null ? null : string.Create(CultureInfo.InvariantCulture,
                $"{batches} batches, {Per(elapsed, batches)} ms each: claim query {Per(claim, batches)}, dispatch (deserialize, publish, confirm) {Per(dispatching, batches)}, mark-sent update {Per(mark, batches)}, commit {Per(commit, batches)}, rest {Per(elapsed - claim - dispatching - mark - commit, batches)}"),
        };
    }

    private static string Per(TimeSpan total, int batches) => (total.TotalMilliseconds / batches).ToString("0.0", CultureInfo.InvariantCulture);

    private static async Task FillAsync(IServiceProvider services, int run, int messages)
    {
        for (var first = 0; first < messages; first += RowsPerTransaction)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<BenchDbContext>();
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            for (var i = first; i < Math.Min(messages, first + RowsPerTransaction); i++)
            {
                outbox.Publish(BenchmarkMessage.Create(run, i));
            }

            await db.SaveChangesAsync();
        }
    }

    private static async Task<int> CountUnsentAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<BenchDbContext>().OutboxMessages.CountAsync(m => m.SentAt == null);
    }
}
