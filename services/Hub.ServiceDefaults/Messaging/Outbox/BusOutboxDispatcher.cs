using System.Diagnostics;
using Hub.ServiceDefaults.Messaging.Federation;
using MassTransit;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Publishes (or sends) outbox messages on the hub's RabbitMQ bus with publisher confirms; messages addressed to a
/// partner hub go to that hub's gateway instead.
/// </summary>
internal sealed class BusOutboxDispatcher(IBus bus, PartnerHubDispatcher partners) : IOutboxDispatcher
{
    public async Task DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        if (PartnerHubDispatcher.IsPartnerDestination(message.Destination))
        {
            await partners.DispatchAsync(message, cancellationToken);
            return;
        }

        var type = MessageSerialization.ResolveType(message.MessageType);
        var body = MessageSerialization.Deserialize(message.Body, type);

        // Continue the trace of the transaction that wrote the message, not the relay's own loop.
        using var activity = message.TraceParent is null
            ? null
            : MessagingTelemetry.Source.StartActivity("outbox relay", ActivityKind.Producer, message.TraceParent);

        if (message.Destination is null)
        {
            await bus.Publish(body, type, Pipe.Execute<PublishContext>(c => Stamp(c, message)), cancellationToken);
            return;
        }

        var endpoint = await bus.GetSendEndpoint(new Uri(message.Destination));
        await endpoint.Send(body, type, Pipe.Execute<SendContext>(c => Stamp(c, message)), cancellationToken);
    }

    private static void Stamp(SendContext context, OutboxMessage message)
    {
        context.MessageId = message.MessageId;
        if (message.RedeliveryCount > 0)
        {
            context.Headers.Set(MessageHeaders.RedeliveryCount, message.RedeliveryCount);
        }

        if (message.SourceHub is { } sourceHub)
        {
            context.Headers.Set(FederatedMessage.SourceHubHeader, sourceHub);
        }
    }
}
