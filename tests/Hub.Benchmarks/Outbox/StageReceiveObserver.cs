using MassTransit;

namespace Hub.Benchmarks.Outbox;

/// <summary>Stamps a message when the consumer's endpoint receives it and when its whole consume pipe (the inbox transaction) has finished.</summary>
internal sealed class StageReceiveObserver(StageClock clock) : IReceiveObserver
{
    public Task PreReceive(ReceiveContext context)
    {
        Mark(context, Stage.Arrived);
        return Task.CompletedTask;
    }

    public Task PostReceive(ReceiveContext context)
    {
        Mark(context, Stage.InboxCommitted);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class => Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;

    private void Mark(ReceiveContext context, Stage stage)
    {
        if (context.GetMessageId() is { } messageId)
        {
            clock.Mark(messageId, stage);
        }
    }
}
