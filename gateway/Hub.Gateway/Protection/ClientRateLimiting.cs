using System.Globalization;
using System.Threading.RateLimiting;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Hub.Gateway.Protection;

/// <summary>
/// A token bucket per client: an authenticated caller by role, hub and subject, a partner hub by its id (with the
/// partner limits), anyone else by address. Over the limit the answer is 429 with <c>Retry-After</c> and problem
/// details.
/// </summary>
internal static class ClientRateLimiting
{
    public static void AddClientRateLimiting(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
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
                return RateLimitPartition.GetTokenBucketLimiter(ClientKey(caller, context), _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = partner ? limits.PartnerBurst : limits.Burst,
                    TokensPerPeriod = partner ? limits.PartnerPerSecond : limits.PerSecond,
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

    private static bool IsInfrastructure(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics");

    private static async ValueTask RejectAsync(OnRejectedContext rejected, CancellationToken cancellationToken)
    {
        var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        var http = rejected.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many requests.",
            detail: $"This client is over its request rate; retry after {seconds} s.").ExecuteAsync(http);
    }
}
