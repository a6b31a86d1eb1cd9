using System.Diagnostics;
using Hub.Gateway.Correlation;
using Hub.ServiceDefaults.Problems;
using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Hub.Gateway.Protection;

/// <summary>
/// The outermost step of every request: gives it a correlation id (kept when the caller sent a well-formed one),
/// refuses header values that could not be forwarded or echoed and bodies over the configured size (as problem
/// details, or for a gRPC call as INVALID_ARGUMENT and RESOURCE_EXHAUSTED: <see cref="GrpcProblemWriter"/>), and
/// writes one access-log line with who called, what, the answer and the time taken.
/// </summary>
internal sealed partial class AccessLogMiddleware(RequestDelegate next, IOptionsMonitor<GatewayOptions> options, ILogger<AccessLogMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var request = context.Request;
        var invalidHeaders = RequestHeaderCheck.Errors(request.Headers);
        // A refused correlation id is neither logged nor echoed: the refusal carries one of the gateway's own.
        if (string.IsNullOrWhiteSpace(request.Headers[CorrelationId.HeaderName]) || invalidHeaders?.ContainsKey(CorrelationId.HeaderName) == true)
        {
            request.Headers[CorrelationId.HeaderName] = Guid.NewGuid().ToString("N");
        }

        var correlationId = request.Headers[CorrelationId.HeaderName].ToString();
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[CorrelationId.HeaderName] = correlationId;
            return Task.CompletedTask;
        });

        try
        {
            if (invalidHeaders is not null)
            {
                await Results.ValidationProblem(
                    invalidHeaders,
                    title: "A request header is invalid.",
                    detail: "Nothing was forwarded; the errors name each header refused.").ExecuteAsync(context);
                return;
            }

            if (!WithinSizeLimit(context))
            {
                await Results.Problem(
                    statusCode: StatusCodes.Status413PayloadTooLarge,
                    title: "The request body is too large.",
                    detail: $"This gateway accepts at most {options.CurrentValue.MaxRequestBodyBytes} bytes.").ExecuteAsync(context);
                return;
            }

            await next(context);
        }
        finally
        {
            var caller = Caller.TryFrom(context.User, out var who) ? $"{who.Role}:{who.Hub}:{who.Subject}" : "anonymous";
            LogRequest(request.Method, LoggedTarget(request.Path + request.QueryString), LoggedStatus(context),
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, caller, correlationId);
        }
    }

    /// <summary>
    /// The request target as the access log writes it: whole up to <see cref="MaxLoggedTarget"/> characters, else cut
    /// there and the rest counted (a query string may run to the server's request-line limit, 8 KB, on every line).
    /// </summary>
    internal static string LoggedTarget(string target) => LongText.Cut(target, MaxLoggedTarget);

    /// <summary>The response's status; for a gRPC call the gateway refused, with the gRPC status it was answered (<c>200 grpc-status 8 ResourceExhausted</c>).</summary>
    /// <param name="context">The request.</param>
    internal static string LoggedStatus(HttpContext context) =>
        GrpcRefusal.CodeOf(context) is { } code
            ? $"{context.Response.StatusCode} grpc-status {(int)code} {code}"
            : context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The most characters of a request target one access-log line holds.</summary>
    internal const int MaxLoggedTarget = 1_024;

    private bool WithinSizeLimit(HttpContext context)
    {
        var limit = options.CurrentValue.MaxRequestBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            return false;
        }

        // Bodies without a declared length (chunked, HTTP/2 streams) are cut off by the server as they arrive.
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Target} → {Status} in {ElapsedMs:0.0} ms by {Caller} ({CorrelationId})")]
    private partial void LogRequest(string method, string target, string status, double elapsedMs, string caller, string correlationId);
}
