namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>Hands one outbox message to its transport; completes only once the transport has accepted it.</summary>
public interface IOutboxDispatcher
{
    /// <summary>Delivers the message; throws if the transport did not confirm it.</summary>
    Task DispatchAsync(OutboxMessage message, CancellationToken cancellationToken);
}
