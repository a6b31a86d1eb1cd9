using System.Globalization;
using System.Net;
using System.Threading.RateLimiting;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hub.Gateway.Protection;

/// <summary>
/// A token bucket per client: an authenticated caller by role, hub and subject, a partner hub by its id (with the
/// partner limits), anyone else by address. Over the limit the answer is 429 with <c>Retry-After</c> and problem
/// details; a gRPC call is answered UNAVAILABLE with the same reason and <c>grpc-retry-pushback-ms</c>. Each replica of
/// the gateway holds its share of a bucket (<see cref="GatewayPeers"/>).
/// </summary>
internal static class ClientRateLimiting
{
    public static void AddClientRateLimiting(this IServiceCollection services) =>
        services.AddSingleton<ResolveName>(Dns.GetHostAddressesAsync)
            .AddSingleton<GatewayPeers>().AddHostedService(s => s.GetRequiredService<GatewayPeers>())
            .AddSingleton<RefusedCallers>().AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (IsInfrastructure(context.Request.Path))
                {
                    return RateLimitPartition.GetNoLimiter("infrastructure");
                }

                var limits = context.RequestServices.GetRequiredService<IOptionsMonitor<GatewayOptions>>().CurrentValue.RateLimit;
                Caller.TryFrom(context.User, out var caller);
                var partner = caller?.IsPartnerHub == true;
                // A bucket per client and count of replicas: when the count changes, the client starts a bucket of its
                // new share.
                var peers = context.RequestServices.GetRequiredService<GatewayPeers>().Count;
                return RateLimitPartition.GetTokenBucketLimiter($"{ClientKey(caller, context)}/{peers}", _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = GatewayPeers.Share(partner ? limits.PartnerBurst : limits.Burst, peers),
                    TokensPerPeriod = GatewayPeers.Share(partner ? limits.PartnerPerSecond : limits.PerSecond, peers),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = RejectAsync;
        });

    private static string ClientKey(Caller? caller, HttpContext context) =>
        caller is null ? $"address:{context.Connection.RemoteIpAddress}"
        : caller.IsPartnerHub ? $"partner:{caller.Hub}"
        : $"{caller.Role}:{caller.Hub}:{caller.Subject}";

    /// <summary>Health and metrics, which orchestrators and scrapers call without limit.</summary>
    public static bool IsInfrastructure(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    /// <summary>Answers 429 with <c>Retry-After</c> (at least 1 s) and problem details.</summary>
    /// <param name="http">The refused request.</param>
    /// <param name="retryAfter">How soon the limit has room again.</param>
    /// <param name="why">Who is over which limit, the start of the problem's detail.</param>
    public static async Task TooManyAsync(HttpContext http, TimeSpan retryAfter, string why)
    {
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests.",
            detail: $"{why}; retry after {seconds} s.").ExecuteAsync(http);
    }

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken) =>
        await TooManyAsync(
            rejected.HttpContext,
            rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1),
            "This client is over its request rate");
}
