using Hub.Contracts.Values;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Queues messages in the current unit of work. Nothing leaves the process until the caller's
/// <c>SaveChangesAsync</c> commits; then the relay delivers them at least once.
/// </summary>
public interface IOutbox
{
    /// <summary>Publishes an integration event to every subscriber once the transaction commits.</summary>
    /// <returns>The message id consumers will see.</returns>
    Guid Publish<T>(T message) where T : class;

    /// <summary>Sends a message to one destination (a queue) once the transaction commits.</summary>
    /// <returns>The message id the receiver will see.</returns>
    Guid Send<T>(Uri destination, T message) where T : class;

    /// <summary>
    /// Publishes a contract message on a partner hub's bus once the transaction commits: the relay delivers it to the
    /// partner's gateway, signed as this hub, retrying until the partner accepts it.
    /// </summary>
    /// <returns>The message id the partner's consumers will see.</returns>
    Guid PublishToHub<T>(HubId hub, T message) where T : class;
}
