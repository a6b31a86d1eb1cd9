using System.Diagnostics;
using System.Globalization;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Net.Http.Headers;

namespace Hub.ServiceDefaults.Problems;

internal static class ProblemDetailsSetup
{
    /// <summary>The seconds a 503's Retry-After asks the client to wait.</summary>
    public const int RetryAfterSeconds = 5;

    public static void AddHubProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
            // A 503 says the request may be sent again: every one says when (a service it needs did not answer, its
            // database did not), unless its writer said so already.
            var headers = context.HttpContext.Response.Headers;
            if (context.ProblemDetails.Status == StatusCodes.Status503ServiceUnavailable && !headers.ContainsKey(HeaderNames.RetryAfter))
            {
                headers[HeaderNames.RetryAfter] = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }

            context.ProblemDetails.Instance ??= context.HttpContext.Request.Path;
            context.ProblemDetails.Detail ??= AccessRefusal.Detail(context.HttpContext, context.ProblemDetails.Status);
            context.ProblemDetails.Extensions["traceId"] = Activity.Current?.TraceId.ToString() ?? context.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<BadRequestExceptionHandler>();
        services.AddExceptionHandler<DatabaseOutageExceptionHandler>();

        // Unreadable bodies and unbindable parameters throw, so the handler can say exactly what was wrong.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddValidation();
    }
}
