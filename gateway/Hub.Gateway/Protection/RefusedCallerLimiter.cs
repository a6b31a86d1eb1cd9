namespace Hub.Gateway.Protection;

/// <summary>
/// A token bucket per address that only refusals spend: every 401 or 403 the address is answered (UNAUTHENTICATED or PERMISSION_DENIED
/// over gRPC) takes a token. The
/// per-client buckets run after authentication, so they never see the callers it refuses, and proving a partner's
/// signature reads and hashes the whole body. An address whose refusals emptied its bucket is answered 429 before any
/// authentication work until it refills; callers that authenticate never spend from it.
/// </summary>
internal sealed class RefusedCallerLimiter(RequestDelegate next, RefusedCallers refused)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (ClientRateLimiting.IsInfrastructure(context.Request.Path))
        {
            await next(context);
            return;
        }

        var address = context.Connection.RemoteIpAddress?.ToString() ?? "";
        if (!refused.HasTokens(address))
        {
            await ClientRateLimiting.TooManyAsync(context, RefusedCallers.RefillPeriod, "This address has been refused too often");
            return;
        }

        await next(context);
        // A refused gRPC call is answered 200 with its gRPC status: what counts is the refusal REST would have got.
        if (GrpcRefusal.HttpStatusOf(context) is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden)
        {
            refused.Spend(address);
        }
    }
}
