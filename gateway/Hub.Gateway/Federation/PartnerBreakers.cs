using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Polly;
using Polly.CircuitBreaker;

namespace Hub.Gateway.Federation;

/// <summary>One circuit breaker per partner hub, so a hub that keeps failing is skipped instead of awaited.</summary>
internal sealed class PartnerBreakers(IOptionsMonitor<GatewayOptions> options)
{
    private readonly ConcurrentDictionary<string, ResiliencePipeline<HttpResponseMessage>> _pipelines = new(StringComparer.OrdinalIgnoreCase);

    public ResiliencePipeline<HttpResponseMessage> For(string hub) => _pipelines.GetOrAdd(hub, _ => Build(options.CurrentValue.Federation));

    private static ResiliencePipeline<HttpResponseMessage> Build(FederationOptions settings) =>
        new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = settings.BreakerMinimumCalls,
                SamplingDuration = TimeSpan.FromSeconds(30),
                BreakDuration = settings.BreakerOpenFor,
                ShouldHandle = new PredicateBuilder<HttpResponseMessage>()
                    .Handle<HttpRequestException>()
                    .Handle<OperationCanceledException>()
                    .HandleResult(r => (int)r.StatusCode >= 500),
            })
            .Build();
}
