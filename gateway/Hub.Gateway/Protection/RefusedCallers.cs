using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hub.Gateway.Protection;

/// <summary>The buckets of <see cref="RefusedCallerLimiter"/>, one per address, sized by <c>Gateway:RateLimit</c>.</summary>
internal sealed class RefusedCallers(IOptionsMonitor<GatewayOptions> options) : IDisposable
{
    /// <summary>How soon an emptied bucket has a token again.</summary>
    public static TimeSpan RefillPeriod { get; } = TimeSpan.FromSeconds(1);

    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetTokenBucketLimiter(address, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = options.CurrentValue.RateLimit.RefusedBurst,
            TokensPerPeriod = options.CurrentValue.RateLimit.RefusedPerSecond,
            ReplenishmentPeriod = RefillPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    // Statistics rather than a lease of no tokens: the check must not create or spend anything.
    public bool HasTokens(string address) => _limiter.GetStatistics(address) is not { CurrentAvailablePermits: <= 0 };

    public void Spend(string address) => _limiter.AttemptAcquire(address).Dispose();

    public void Dispose() => _limiter.Dispose();
}
