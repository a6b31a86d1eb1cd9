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
    /// Delays of the successive delayed redeliveries; after the last one the message goes to the error queue.
    /// Empty in configuration means the defaults: 30 s, 5 min, 30 min.
    /// </summary>
    public TimeSpan[] Redelivery { get; set; } = [];

    internal static TimeSpan[] DefaultRedelivery { get; } = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)];
}
