using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace Hub.Gateway.Federation;

/// <summary>
/// One circuit breaker per partner hub, so a hub that keeps failing is skipped instead of awaited. Errors, 5xx answers
/// and calls the deadline ended count against the partner; a call ended because its caller went away does not (the
/// breaker has no third outcome, so it counts as a call that did not fail).
/// </summary>
internal sealed class PartnerBreakers(IOptionsMonitor<GatewayOptions> options)
{
    private static readonly ResiliencePropertyKey<CancellationToken> Caller = new("hub.federation.caller");

    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sends through <paramref name="hub"/>'s breaker.</summary>
    /// <param name="hub">The partner hub asked.</param>
    /// <param name="send">The call, given the token that ends it.</param>
    /// <param name="caller">Cancelled when nobody waits for the answer any more (the caller left).</param>
    /// <param name="deadline">Cancelled when the caller leaves or the partner runs out of time.</param>
    public async ValueTask<HttpResponseMessage> SendAsync(
        string hub, Func<CancellationToken, ValueTask<HttpResponseMessage>> send, CancellationToken caller, CancellationToken deadline)
    {
        var context = ResilienceContextPool.Shared.Get(deadline);
        context.Properties.Set(Caller, caller);
        try
        {
            return await _pipelines.GetOrAdd(hub, _ => Build(options.CurrentValue.Federation))
                .ExecuteAsync(static (context, send) => send(context.CancellationToken), context, send);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private static ResiliencePipeline<HttpResponseMessage> Build(FederationOptions settings) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = settings.BreakerMinimumCalls,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = settings.BreakerOpenFor,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome switch
                {
                    { Exception: OperationCanceledException } => !(args.Context.Properties.TryGetValue(Caller, out var caller) && caller.IsCancellationRequested),
                    { Exception: HttpRequestException } => true,
                    { Result: { } response } => (int)response.StatusCode >= 500,
                    _ => false,
                }),
            })
            .Build();
}
