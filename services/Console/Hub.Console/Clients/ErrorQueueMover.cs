using Hub.ServiceDefaults.Messaging;
using Microsoft.Extensions.Options;
using RabbitMQ.Client;

namespace Hub.Console.Clients;

/// <summary>
/// Replays or discards one message of an error queue over AMQP. The management API can only take messages from the
/// head of a queue, so it cannot act on one message safely; here the messages in front of the chosen one are held
/// unacknowledged and handed back in place, the chosen one is republished with publisher confirms and only then
/// acknowledged — a crash at any point leaves it in the error queue, never lost.
/// </summary>
internal sealed class ErrorQueueMover(IOptions<MessagingOptions> messaging, IOptions<ConsoleOptions> options)
{
    /// <summary>Moves the message back to its input queue: default exchange, routing key = input queue, same body and properties.</summary>
    public Task<MoveOutcome> ReplayAsync(string errorQueue, string messageId, CancellationToken cancellationToken) =>
        TakeAsync(errorQueue, messageId, BrokerManagementClient.InputQueueOf(errorQueue), cancellationToken);

    /// <summary>Removes the message for good.</summary>
    public Task<MoveOutcome> DiscardAsync(string errorQueue, string messageId, CancellationToken cancellationToken) =>
        TakeAsync(errorQueue, messageId, null, cancellationToken);

    /// <summary>Messages in a queue now (a passive declare; the management API's figure lags by seconds).</summary>
    public async Task<uint?> DepthAsync(string queue, CancellationToken cancellationToken)
    {
        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            var declared = await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return declared.MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }

    private async Task<MoveOutcome> TakeAsync(string errorQueue, string messageId, string? replayTo, CancellationToken cancellationToken)
    {
        if (!BrokerManagementClient.IsDeadLetterQueue(errorQueue))
        {
            return MoveOutcome.NotAnErrorQueue;
        }

        await using var connection = await ConnectAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), cancellationToken);
        var held = new List<ulong>();
        try
        {
            // The page shows the first PeekLimit messages; a few times that covers messages that arrived meanwhile.
            for (var i = 0; i < options.Value.PeekLimit * 4; i++)
            {
                var message = await channel.BasicGetAsync(errorQueue, autoAck: false, cancellationToken);
                if (message is null)
                {
                    return MoveOutcome.NotFound;
                }

                held.Add(message.DeliveryTag);
                if (message.BasicProperties.MessageId != messageId)
                {
                    continue;
                }

                if (replayTo is not null)
                {
                    var properties = new BasicProperties(message.BasicProperties);
                    await channel.BasicPublishAsync("", replayTo, mandatory: true, properties, message.Body, cancellationToken);
                }

                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, cancellationToken);
                held.Remove(message.DeliveryTag);
                return replayTo is null ? MoveOutcome.Discarded : MoveOutcome.Replayed;
            }

            return MoveOutcome.NotFound;
        }
        finally
        {
            // A closed channel has handed them back already.
            foreach (var tag in held.Where(_ => channel.IsOpen))
            {
                await channel.BasicNackAsync(tag, multiple: false, requeue: true, CancellationToken.None);
            }
        }
    }

    private Task<IConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var settings = messaging.Value;
        var factory = new ConnectionFactory
        {
            HostName = settings.Host,
            Port = settings.Port,
            VirtualHost = settings.VirtualHost,
            UserName = settings.Username,
            Password = settings.Password,
            ClientProvidedName = "hub-console",
        };
        return factory.CreateConnectionAsync(cancellationToken);
    }
}

internal enum MoveOutcome
{
    Replayed,
    Discarded,
    NotFound,
    NotAnErrorQueue,
}
