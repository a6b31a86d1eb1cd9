using System.Diagnostics;
using System.Globalization;
using MassTransit;

namespace Hub.Benchmarks.Outbox;

/// <summary>
/// The baseline: MassTransit publishing straight to the broker (confirmed, persistent), with as many publishes in
/// flight as the relay has: <c>loops</c> publishers, each sending batches of <c>batchSize</c> awaited together.
/// </summary>
internal static class RawPublishPhase
{
    public static async Task<ThroughputResult> RunAsync(IServiceProvider services, DeliveryRecorder recorder, int run, int messages, int batchSize, int loops, TimeSpan drainTimeout)
    {
        var bus = services.GetRequiredService<IBus>();
        var expectation = recorder.Expect(run, messages);

        var next = -batchSize;
        var started = Stopwatch.GetTimestamp();
        await Task.WhenAll(Enumerable.Range(0, loops).Select(async _ =>
        {
            for (var first = Interlocked.Add(ref next, batchSize); first < messages; first = Interlocked.Add(ref next, batchSize))
            {
                var count = Math.Min(batchSize, messages - first);
                await Task.WhenAll(Enumerable.Range(first, count).Select(i => bus.Publish(BenchmarkMessage.Create(run, i))));
            }
        }));

        var elapsed = Stopwatch.GetElapsedTime(started);
        var complete = await expectation.WaitAsync(drainTimeout);
        var batches = (messages + batchSize - 1) / batchSize;
        return new ThroughputResult("Raw MassTransit publish", messages, elapsed, expectation.Received,
            Stopwatch.GetElapsedTime(started, expectation.Last),
            complete ? null : $"only {expectation.Received} of {messages} consumed")
        {
            Profile = string.Create(CultureInfo.InvariantCulture, $"{batches} batches, {elapsed.TotalMilliseconds / batches:0.0} ms each"),
        };
    }
}
