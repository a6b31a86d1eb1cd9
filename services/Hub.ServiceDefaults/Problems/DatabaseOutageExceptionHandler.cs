using System.Globalization;
using Hub.ServiceDefaults.Data;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Hub.ServiceDefaults.Problems;

/// <summary>
/// Answers a request that failed because the service's database did not answer (see <see cref="DatabaseOutage"/>)
/// with a 503 problem and a Retry-After, rather than a 500: the request may be sent again shortly.
/// </summary>
internal sealed class DatabaseOutageExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    /// <summary>The seconds Retry-After asks the client to wait.</summary>
    public const int RetryAfterSeconds = 5;

    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseOutage.Is(exception))
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "The service's database did not answer",
                Detail = $"Send the request again in {RetryAfterSeconds} seconds or later; one sent with an Idempotency-Key, with the same key.",
            },
        });
    }
}
