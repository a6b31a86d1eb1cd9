namespace Hub.ServiceDefaults.Messaging.Inbox;

/// <summary>A message a consumer endpoint has handled; its presence makes a redelivery a no-op.</summary>
public sealed class InboxMessage
{
    /// <summary>The message id on the wire.</summary>
    public Guid MessageId { get; private set; }

    /// <summary>The receive endpoint (queue) that handled it.</summary>
    public string Consumer { get; private set; } = "";

    /// <summary>When it was handled (UTC).</summary>
    public DateTime HandledAt { get; private set; }

    private InboxMessage()
    {
    }
}
