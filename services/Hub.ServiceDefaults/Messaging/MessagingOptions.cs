namespace Hub.ServiceDefaults.Messaging;

/// <summary>Broker connection and consumer behaviour (configuration section <c>Messaging</c>).</summary>
public sealed class MessagingOptions
{
    /// <summary>RabbitMQ host name.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>RabbitMQ AMQP port.</summary>
    public ushort Port { get; set; } = 5672;

    /// <summary>The hub's virtual host; every hub has its own.</summary>
    public string VirtualHost { get; set; } = "/";

    /// <summary>Broker user.</summary>
    public string Username { get; set; } = "guest";

    /// <summary>Broker password.</summary>
    public string Password { get; set; } = "guest";

    /// <summary>
    /// The type of the queues the services consume from, and of their error and skipped queues: <c>classic</c> (the
    /// default, one broker) or <c>quorum</c> (replicated across a cluster's nodes, so that a node lost loses no accepted
    /// message). A queue keeps the type it was declared with: switching an existing virtual host means new queues (see
    /// the README).
    /// </summary>
    public string QueueType { get; set; } = ClassicQueues;

    /// <summary>Nodes each quorum queue is replicated on; unset takes the broker's default (all of a cluster's nodes, up to five).</summary>
    public int? QuorumReplicas { get; set; }

    /// <summary>Messages the broker hands each consumer endpoint ahead of acknowledgement.</summary>
    public int PrefetchCount { get; set; } = 32;

    /// <summary>Messages each endpoint handles at once.</summary>
    public int ConcurrentMessageLimit { get; set; } = 16;

    /// <summary>Immediate retries (exponential backoff) before a message is set aside for delayed redelivery.</summary>
    public int RetryLimit { get; set; } = 4;

    /// <summary>First retry interval; it doubles up to <see cref="RetryMaxInterval"/>.</summary>
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Longest interval between immediate retries.</summary>
    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a message whose redelivery cannot be saved because the database does not answer (a restart, a
    /// failover) is held, its save tried again at the retry intervals, before it goes to the error queue instead.
    /// </summary>
    public TimeSpan RedeliverySaveTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Delays of the successive delayed redeliveries; after the last one the message goes to the error queue.
    /// Empty in configuration means the defaults (<see cref="DefaultRedelivery"/>).
    /// </summary>
    public TimeSpan[] Redelivery { get; set; } = [];

    /// <summary>The <see cref="QueueType"/> of a single broker.</summary>
    public const string ClassicQueues = "classic";

    /// <summary>The <see cref="QueueType"/> of a cluster: replicated queues.</summary>
    public const string QuorumQueues = "quorum";

    /// <summary>
    /// 15 s, 30 s, 1 min, then every 2 min for 18 min, then 5, 10 and 30 min (about 65 min in all). A message that
    /// waits on another service (the supplier's customs, say) is tried again within 2 minutes of that service's
    /// return through the first 20 minutes, longer than any step of the order process is given before it times out.
    /// </summary>
    internal static TimeSpan[] DefaultRedelivery { get; } =
    [
        TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1),
        .. Enumerable.Repeat(TimeSpan.FromMinutes(2), 9),
        TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(30),
    ];
}
