using System.Data.Common;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>One message committed with a state change and published later by the relay.</summary>
public sealed class OutboxMessage
{
    /// <summary>Commit order; the relay takes the oldest first.</summary>
    public long Id { get; private set; }

    /// <summary>The message id on the wire; consumers deduplicate on it.</summary>
    public Guid MessageId { get; private set; }

    /// <summary>The contract type, as <c>Namespace.Type, Assembly</c>.</summary>
    public string MessageType { get; private set; } = "";

    /// <summary>Where it goes: <c>null</c> publishes to every subscriber; otherwise a destination address.</summary>
    public string? Destination { get; private set; }

    /// <summary>The message as JSON.</summary>
    public string Body { get; private set; } = "";

    /// <summary>W3C trace parent of the transaction that wrote the message, so the trace continues past the relay.</summary>
    public string? TraceParent { get; private set; }

    /// <summary>How many times the message was redelivered to a failing consumer before this attempt.</summary>
    public int RedeliveryCount { get; private set; }

    /// <summary>
    /// For a redelivery of a message a partner hub sent: that hub, set again as the <c>Hub-Source</c> header so the
    /// consumer still knows whose copy it is; null for this hub's own messages.
    /// </summary>
    public string? SourceHub { get; private set; }

    /// <summary>When the message was committed (UTC).</summary>
    public DateTime CreatedAt { get; private set; }

    /// <summary>Not before this time (UTC): relay backoff and delayed redelivery.</summary>
    public DateTime AvailableAt { get; private set; }

    /// <summary>When the broker confirmed it (UTC); <c>null</c> while pending.</summary>
    public DateTime? SentAt { get; private set; }

    /// <summary>Failed relay attempts so far.</summary>
    public int Attempts { get; private set; }

    /// <summary>Why the last attempt failed.</summary>
    public string? LastError { get; private set; }

    private OutboxMessage()
    {
    }

    /// <summary>The columns <see cref="Read"/> reads, in its order, for a statement that selects rows to read.</summary>
    internal const string Columns = "id, message_id, message_type, destination, body, trace_parent, redelivery_count, created_at, available_at, sent_at, attempts, source_hub";

    /// <summary>A row selected as <see cref="Columns"/>.</summary>
    internal static OutboxMessage Read(DbDataReader row) => new()
    {
        Id = row.GetInt64(0),
        MessageId = row.GetGuid(1),
        MessageType = row.GetString(2),
        Destination = row.IsDBNull(3) ? null : row.GetString(3),
        Body = row.GetString(4),
        TraceParent = row.IsDBNull(5) ? null : row.GetString(5),
        RedeliveryCount = row.GetInt32(6),
        CreatedAt = row.GetDateTime(7),
        AvailableAt = row.GetDateTime(8),
        SentAt = row.IsDBNull(9) ? null : row.GetDateTime(9),
        Attempts = row.GetInt32(10),
        SourceHub = row.IsDBNull(11) ? null : row.GetString(11),
    };

    internal static OutboxMessage Create(Guid messageId, string messageType, string body, string? destination,
        string? traceParent, DateTime now, DateTime availableAt, int redeliveryCount = 0, string? sourceHub = null) => new()
    {
        MessageId = messageId,
        MessageType = messageType,
        Body = body,
        Destination = destination,
        TraceParent = traceParent,
        CreatedAt = now,
        AvailableAt = availableAt,
        RedeliveryCount = redeliveryCount,
        SourceHub = sourceHub,
    };
}
