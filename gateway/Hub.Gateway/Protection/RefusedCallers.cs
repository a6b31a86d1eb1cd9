using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hub.Gateway.Protection;

/// <summary>
/// The buckets of <see cref="RefusedCallerLimiter"/>, one per address, sized by <c>Gateway:RateLimit</c>: each replica of
/// the gateway holds its share (<see cref="GatewayPeers"/>).
/// </summary>
internal sealed class RefusedCallers(IOptionsMonitor<GatewayOptions> options, GatewayPeers peers) : IDisposable
{
    /// <summary>How soon an emptied bucket has a token again.</summary>
    public static TimeSpan RefillPeriod { get; } = TimeSpan.FromSeconds(1);

    // A bucket per address and count of replicas: when the count changes, the address starts a bucket of its new share.
    private readonly PartitionedRateLimiter<(string Address, int Peers)> _limiter = PartitionedRateLimiter.Create<(string Address, int Peers), (string, int)>(key =>
        RateLimitPartition.GetTokenBucketLimiter(key, k => new TokenBucketRateLimiterOptions
        {
            TokenLimit = GatewayPeers.Share(options.CurrentValue.RateLimit.RefusedBurst, k.Item2),
            TokensPerPeriod = GatewayPeers.Share(options.CurrentValue.RateLimit.RefusedPerSecond, k.Item2),
            ReplenishmentPeriod = RefillPeriod,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));

    // Statistics rather than a lease of no tokens: the check must not create or spend anything.
    public bool HasTokens(string address) => _limiter.GetStatistics((address, peers.Count)) is not { CurrentAvailablePermits: <= 0 };

    public void Spend(string address) => _limiter.AttemptAcquire((address, peers.Count)).Dispose();

    public void Dispose() => _limiter.Dispose();
}
