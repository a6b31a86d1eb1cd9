using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Outbox rows for a hot path that writes with its own statements instead of EF Core's <c>SaveChanges</c>: the events
/// to publish become one <c>INSERT</c> for the caller's batch, in the caller's transaction, and once that transaction
/// has committed, <see cref="Committed"/> hands the new rows to the relay (as <see cref="OutboxCommitInterceptor"/>
/// does, through it, for EF Core's saves). Rows whose hand-over is lost (a crash between the commit and the call) are
/// found by the relay's scan.
/// </summary>
public sealed class OutboxWriter
{
    private const string InsertSql = """
        INSERT INTO outbox_messages (message_id, message_type, body, trace_parent, redelivery_count, created_at, available_at, attempts)
        SELECT m.message_id, m.message_type, m.body::jsonb, @trace_parent, 0, @now, @now, 0
        FROM unnest(@message_ids::uuid[], @message_types::text[], @bodies::text[]) WITH ORDINALITY AS m(message_id, message_type, body, n)
        ORDER BY m.n
        RETURNING id
        """;

    private readonly CommittedOutbox _committed;
    private readonly OutboxWakeUp _wakeUp;
    private readonly TimeProvider _clock;

    internal OutboxWriter(CommittedOutbox committed, OutboxWakeUp wakeUp, TimeProvider clock)
    {
        _committed = committed;
        _wakeUp = wakeUp;
        _clock = clock;
    }

    /// <summary>
    /// The insert of events to publish to every subscriber, each stored as its own type; its result set is the new
    /// rows' ids, for <see cref="Committed"/>.
    /// </summary>
    public NpgsqlBatchCommand Publish(IReadOnlyList<object> messages)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        return new NpgsqlBatchCommand(InsertSql)
        {
            Parameters =
            {
                new("message_ids", messages.Select(_ => Guid.CreateVersion7()).ToArray()),
                new("message_types", messages.Select(m => MessageSerialization.TypeName(m.GetType())).ToArray()),
                new("bodies", messages.Select(m => MessageSerialization.Serialize(m, m.GetType())).ToArray()),
                new("trace_parent", NpgsqlDbType.Text) { Value = (object?)Activity.Current?.Id ?? DBNull.Value },
                new("now", now),
            },
        };
    }

    /// <summary>Hands the rows of a committed transaction to the relay and wakes it.</summary>
    public void Committed(IReadOnlyCollection<long> ids)
    {
        if (ids.Count > 0)
        {
            _committed.Add(ids);
            _wakeUp.Signal();
        }
    }
}
