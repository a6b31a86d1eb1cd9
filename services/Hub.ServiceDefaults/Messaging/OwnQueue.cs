using MassTransit;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>The queue a message was consumed from, as an address the outbox can send to.</summary>
public static class OwnQueue
{
    /// <summary>The queue's name (the last segment of the endpoint's input address).</summary>
    /// <param name="context">The consumed message.</param>
    public static string NameOf(ConsumeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.ReceiveContext.InputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1];
    }

    /// <summary>
    /// The endpoint's own exchange (named as its queue, bound to it): sent there, a message comes back to the same
    /// endpoint. Not <c>queue:</c>, whose sender declares the queue as a classic one and is refused by a quorum queue.
    /// </summary>
    /// <param name="context">The consumed message.</param>
    public static Uri AddressOf(ConsumeContext context) => new($"exchange:{NameOf(context)}");
}
