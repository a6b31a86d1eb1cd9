using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.Mvc;
using Yarp.ReverseProxy.Forwarder;

namespace Hub.Gateway.Protection;

/// <summary>
/// A route's request timeout (<c>TimeoutPolicy</c>) runs out by cancelling the request, which the proxy takes for a
/// client that went away and answers 400, a status that tells the client not to send the request again. The gateway
/// answers such a request 504 instead, saying that the outcome is unknown and how to learn it.
/// </summary>
internal static class ProxyTimeout
{
    /// <summary>The problem's detail: the service may still have done what was asked.</summary>
    public const string Detail = "The service did not answer within the gateway's time limit; the request may still have taken effect. "
        + "Send it again (with the same Idempotency-Key, where it takes one) to learn its outcome.";

    /// <summary>Middleware around the proxy.</summary>
    /// <param name="context">The request.</param>
    /// <param name="next">The rest of the pipeline, the proxy among it.</param>
    public static async Task AnswerAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (context.GetForwarderErrorFeature()?.Error is ForwarderError.RequestCanceled
            && context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true
            && !context.Response.HasStarted)
        {
            context.Response.StatusCode = StatusCodes.Status504GatewayTimeout;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = StatusCodes.Status504GatewayTimeout, Title = "Gateway Timeout", Detail = Detail },
            });
        }
    }
}
