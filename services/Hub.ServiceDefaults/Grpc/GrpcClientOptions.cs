namespace Hub.ServiceDefaults.Grpc;

/// <summary>Call policy of the gRPC clients (configuration section <c>Grpc:Client</c>).</summary>
public sealed class GrpcClientOptions
{
    /// <summary>Deadline of one attempt when the caller set none (or a later one).</summary>
    public TimeSpan AttemptDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Upper bound on a call including its retries.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after the first attempt for transient status codes.</summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>Base delay of the jittered exponential backoff between attempts.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Share of failed calls within the sampling window that opens the circuit.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>Calls needed in the window before the breaker judges.</summary>
    public int BreakerMinimumThroughput { get; set; } = 10;

    /// <summary>How long an open circuit refuses calls before trying one again.</summary>
    public TimeSpan BreakerBreakDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The attempts in flight to one target at once before its first answers (see <see cref="CallConcurrency"/>).</summary>
    public int InitialConcurrentCalls { get; set; } = 4;

    /// <summary>The most attempts in flight to one target at once.</summary>
    public int MaxConcurrentCalls { get; set; } = 64;

    /// <summary>The fewest attempts in flight to one target a slow target lowers the limit to.</summary>
    public int MinConcurrentCalls { get; set; } = 2;

    /// <summary>The most attempts that wait for their turn to one target; one more is refused at once.</summary>
    public int MaxQueuedCalls { get; set; } = 1000;

    /// <summary>
    /// How often a service named by host name (<c>http://catalog:8081</c>, as in a cluster) is looked up again, so that
    /// its instances started since are called too (see <see cref="ServiceAddresses"/>).
    /// </summary>
    public TimeSpan AddressRefresh { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a connection to a partner hub's gateway carries new calls before another is opened (the calls on it
    /// finish first): a partner's gateway behind a load balancer is reached at its replicas in turn, not at the one the
    /// first connection happened to reach for the process's life.
    /// </summary>
    public TimeSpan PartnerConnectionLifetime { get; set; } = TimeSpan.FromMinutes(2);
}
