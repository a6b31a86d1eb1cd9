using System.Diagnostics;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.ServiceDefaults.Problems;

internal static class ProblemDetailsSetup
{
    public static void AddHubProblemDetails(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context =>
        {
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
