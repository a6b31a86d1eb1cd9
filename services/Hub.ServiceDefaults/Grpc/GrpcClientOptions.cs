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
}
