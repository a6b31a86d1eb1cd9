using System.Reflection;
using Hub.Contracts.Platform;
using MassTransit;
using Microsoft.Extensions.Logging;

namespace Hub.ServiceDefaults.Messaging.Federation;

/// <summary>
/// Puts <see cref="PartnerCopyFilter{TConsumer, TMessage}"/> before every consumer of a message that crosses hubs,
/// unless the consumer is marked <see cref="TakesPartnerMessagesAttribute"/>.
/// </summary>
internal sealed class PartnerCopyGuard(ILoggerFactory loggers) : IConsumerConfigurationObserver
{
    public void ConsumerConfigured<TConsumer>(IConsumerConfigurator<TConsumer> configurator)
        where TConsumer : class
    {
    }

    public void ConsumerMessageConfigured<TConsumer, TMessage>(IConsumerMessageConfigurator<TConsumer, TMessage> configurator)
        where TConsumer : class
        where TMessage : class
    {
        if (typeof(TMessage).IsDefined(typeof(CrossesHubsAttribute)) && !typeof(TConsumer).IsDefined(typeof(TakesPartnerMessagesAttribute)))
        {
            configurator.UseFilter(new PartnerCopyFilter<TConsumer, TMessage>(loggers.CreateLogger<PartnerCopyFilter<TConsumer, TMessage>>()));
        }
    }
}

/// <summary>Acknowledges a partner hub's copy of <typeparamref name="TMessage"/> without giving it to the consumer.</summary>
internal sealed partial class PartnerCopyFilter<TConsumer, TMessage>(ILogger logger) : IFilter<ConsumerConsumeContext<TConsumer, TMessage>>
    where TConsumer : class
    where TMessage : class
{
    public Task Send(ConsumerConsumeContext<TConsumer, TMessage> context, IPipe<ConsumerConsumeContext<TConsumer, TMessage>> next)
    {
        if (FederatedMessage.SourceHubOf(context) is { } sender)
        {
            LogSkipped(typeof(TMessage).Name, context.MessageId, sender, typeof(TConsumer).Name);
            return Task.CompletedTask;
        }

        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("partner-copy");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Skipped {MessageType} {MessageId} from partner hub {Sender} at {Consumer}: it takes this hub's own messages only")]
    private partial void LogSkipped(string messageType, Guid? messageId, string sender, string consumer);
}
