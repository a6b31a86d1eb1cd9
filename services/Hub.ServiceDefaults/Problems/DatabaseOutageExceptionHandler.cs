using Hub.ServiceDefaults.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace Hub.ServiceDefaults.Problems;

/// <summary>
/// Answers a request that failed because the service's database did not answer (see <see cref="DatabaseOutage"/>)
/// with a 503 problem (with a Retry-After, as every 503) rather than a 500: the request may be sent again shortly.
/// </summary>
internal sealed class DatabaseOutageExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.Is(exception))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service's database did not answer",
                Detail = $"Send the request again in {ProblemDetailsSetup.RetryAfterSeconds} seconds or later; one sent with an Idempotency-Key, with the same key.",
            },
        });
    }
}
