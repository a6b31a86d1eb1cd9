using System.Diagnostics;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Messaging.Federation;

namespace Hub.ServiceDefaults.Messaging.Outbox;

internal sealed class EfOutbox(ServiceDbContext db, TimeProvider clock) : IOutbox
{
    public Guid Publish<T>(T message) where T : class => Add(message, destination: null);

    public Guid Send<T>(Uri destination, T message) where T : class => Add(message, destination.ToString());

    public Guid PublishToHub<T>(HubId hub, T message) where T : class
    {
        FederatedMessageTypes.NameOf(typeof(T));
        return Add(message, PartnerHubDispatcher.Destination(hub).ToString());
    }

    private Guid Add<T>(T message, string? destination) where T : class
    {
        ArgumentNullException.ThrowIfNull(message);
        var now = clock.GetUtcNow().UtcDateTime;
        var messageId = Guid.CreateVersion7();
        db.OutboxMessages.Add(OutboxMessage.Create(
            messageId,
            MessageSerialization.TypeName(typeof(T)),
            MessageSerialization.Serialize(message, typeof(T)),
            destination,
            Activity.Current?.Id,
            now,
            now));
        return messageId;
    }
}
