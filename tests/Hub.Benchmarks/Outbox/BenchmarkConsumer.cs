using System.Diagnostics;
using MassTransit;

namespace Hub.Benchmarks.Outbox;

/// <summary>Stamps each delivery; it runs behind the shared inbox filter like every service consumer.</summary>
internal sealed class BenchmarkConsumer(DeliveryRecorder recorder) : IConsumer<BenchmarkMessage>
{
    public Task Consume(ConsumeContext<BenchmarkMessage> context)
    {
        recorder.Record(context.Message, Stopwatch.GetTimestamp());
        return Task.CompletedTask;
    }
}
