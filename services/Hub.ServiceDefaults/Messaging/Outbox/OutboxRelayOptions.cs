namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>Tuning of the outbox relay (configuration section <c>Messaging:Outbox</c>).</summary>
public sealed class OutboxRelayOptions
{
    /// <summary>Whether this process runs a relay at all.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Rows taken and locked per round trip.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// Batches this relay runs at once while it drains a backlog (a batch came back full) or while a batch waits long
    /// for the broker (<see cref="StragglerAfter"/>): one loop follows the commits, and the others join it only then,
    /// each claiming rows of its own (<c>SKIP LOCKED</c>).
    /// </summary>
    public int ConcurrentBatches { get; set; } = 4;

    /// <summary>
    /// How long a batch may wait for the broker's confirmations before another loop takes the rows committed since,
    /// instead of leaving them for that batch's successor.
    /// </summary>
    public TimeSpan StragglerAfter { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Shortest time between the starts of two batches of committed rows: commits that come faster gather into the next
    /// batch, so that a busy service relays several transactions' rows in one claim and one mark instead of a claim and
    /// a mark for each, at the cost of at most this much delay. A commit after a quiet spell is relayed at once.
    /// </summary>
    public TimeSpan BatchInterval { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>Longest sleep between scans when no commit notification arrives.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a batch may wait for broker confirmations before its unconfirmed rows are retried.</summary>
    public TimeSpan DispatchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Ceiling of the exponential backoff between attempts at one message.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long delivered messages and inbox records are kept.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
