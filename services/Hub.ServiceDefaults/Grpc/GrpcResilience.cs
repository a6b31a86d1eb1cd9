using Grpc.Core;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>
/// The Polly pipeline every gRPC client call runs through: timeout ⊃ retry (none if <c>MaxRetries</c> is 0) ⊃ the
/// target's concurrency limit (<see cref="CallConcurrency"/>) ⊃ circuit breaker.
/// </summary>
public static class GrpcResilience
{
    /// <summary>Status codes worth another attempt: the call may succeed unchanged a moment later.</summary>
    public static bool IsTransient(StatusCode code) =>
        code is StatusCode.Unavailable or StatusCode.ResourceExhausted or StatusCode.Aborted or StatusCode.DeadlineExceeded;

    /// <summary>
    /// Status codes by which the called service refused the request as it stands: asking again changes nothing until the
    /// request or what it depends on changes, so the caller answers the refusal rather than waiting for a retry.
    /// </summary>
    /// <param name="code">The status the call ended with.</param>
    public static bool IsRefusal(StatusCode code) =>
        code is StatusCode.InvalidArgument or StatusCode.OutOfRange or StatusCode.FailedPrecondition or StatusCode.NotFound or StatusCode.PermissionDenied
            or StatusCode.AlreadyExists;

    /// <summary>Builds the pipeline from the options, for the calls to one target.</summary>
    /// <param name="options">The client's settings (<c>Grpc:Client</c>).</param>
    /// <param name="target">What the calls reach ("Customs", "Catalog of hub KR"), for messages and the log.</param>
    /// <param name="logger">Where the target's concurrency limit is logged when lowered; none when null.</param>
    /// <param name="limits">Where the target's concurrency limit is shown as a gauge; none when null.</param>
    public static ResiliencePipeline Build(GrpcClientOptions options, string target, ILogger? logger = null, CallLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var transient = new PredicateBuilder().Handle<RpcException>(e => IsTransient(e.StatusCode));
        var pipeline = new ResiliencePipelineBuilder().AddTimeout(options.TotalTimeout);
        if (options.MaxRetries > 0)
        {
            pipeline.AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
            });
        }

        return pipeline
            .AddStrategy(
                context =>
                {
                    var concurrency = new CallConcurrency(options, context.TimeProvider, target, logger);
                    limits?.Track(target, concurrency);
                    return concurrency;
                },
                new CallConcurrencyOptions())
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = options.BreakerFailureRatio,
                MinimumThroughput = options.BreakerMinimumThroughput,
                BreakDuration = options.BreakerBreakDuration,
            })
            .Build();
    }

    /// <summary>Names the concurrency limit among the pipeline's strategies; its settings are the client's options.</summary>
    private sealed class CallConcurrencyOptions : ResilienceStrategyOptions
    {
        public CallConcurrencyOptions() => Name = "CallConcurrency";
    }
}
