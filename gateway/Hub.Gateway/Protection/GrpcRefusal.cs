using System.Globalization;
using System.Text;
using Grpc.Core;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Gateway.Protection;

/// <summary>
/// How the gateway refuses a gRPC request itself: a trailers-only answer (HTTP 200, <c>application/grpc</c>,
/// <c>grpc-status</c> and a percent-encoded <c>grpc-message</c>, no body), which a gRPC client reads as the status and
/// reason; a plain 4xx it could only report as "Bad gRPC response". REST requests keep their problem details.
/// </summary>
internal static class GrpcRefusal
{
    private const string ContentType = "application/grpc";

    /// <summary>Whether the request is a gRPC call: <c>application/grpc</c>, alone or with <c>+proto</c>, <c>+json</c> or parameters.</summary>
    /// <param name="request">The request.</param>
    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType is { } type
        && type.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase)
        && (type.Length == ContentType.Length || type[ContentType.Length] is '+' or ';');

    /// <summary>The gRPC status of a refusal REST would answer with <paramref name="httpStatus"/>.</summary>
    /// <param name="httpStatus">The HTTP status of the refusal.</param>
    public static StatusCode CodeFor(int httpStatus) => httpStatus switch
    {
        StatusCodes.Status400BadRequest => StatusCode.InvalidArgument,
        StatusCodes.Status401Unauthorized => StatusCode.Unauthenticated,
        StatusCodes.Status403Forbidden => StatusCode.PermissionDenied,
        StatusCodes.Status404NotFound => StatusCode.Unimplemented,
        StatusCodes.Status413PayloadTooLarge => StatusCode.ResourceExhausted,
        // Unavailable rather than ResourceExhausted: it is the status gRPC clients retry, and the answer says when.
        StatusCodes.Status429TooManyRequests or StatusCodes.Status502BadGateway or StatusCodes.Status503ServiceUnavailable => StatusCode.Unavailable,
        StatusCodes.Status408RequestTimeout or StatusCodes.Status504GatewayTimeout => StatusCode.DeadlineExceeded,
        >= 500 => StatusCode.Internal,
        _ => StatusCode.Unknown,
    };

    /// <summary>
    /// Answers the request with the gRPC status of <paramref name="httpStatus"/> and <paramref name="message"/> as a
    /// trailers-only gRPC response.
    /// A <c>Retry-After</c> already set is repeated as <c>grpc-retry-pushback-ms</c>, which gRPC retry policies honour.
    /// </summary>
    /// <param name="context">The refused request.</param>
    /// <param name="httpStatus">The HTTP status REST gets for the same refusal, kept for the access log and the refused-caller limit.</param>
    /// <param name="message">The reason, as readable as the REST answer's.</param>
    public static Task WriteAsync(HttpContext context, int httpStatus, string message)
    {
        context.Items[typeof(GrpcRefusal)] = httpStatus;
        var response = context.Response;
        var code = CodeFor(httpStatus);
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.ContentLength = null;
        response.Headers["grpc-status"] = ((int)code).ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = EncodeMessage(message);
        if (int.TryParse(response.Headers.RetryAfter, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            response.Headers["grpc-retry-pushback-ms"] = (seconds * 1000L).ToString(CultureInfo.InvariantCulture);
        }

        return response.StartAsync(context.RequestAborted);
    }

    /// <summary>The HTTP status of the request's refusal: what REST would have been answered for a gRPC refusal, else the response's.</summary>
    /// <param name="context">The request.</param>
    public static int HttpStatusOf(HttpContext context) =>
        context.Items.TryGetValue(typeof(GrpcRefusal), out var status) && status is int refused ? refused : context.Response.StatusCode;

    /// <summary>The gRPC status the gateway answered the request with itself; null when it did not refuse a gRPC call.</summary>
    /// <param name="context">The request.</param>
    public static StatusCode? CodeOf(HttpContext context) =>
        context.Items.TryGetValue(typeof(GrpcRefusal), out var status) && status is int refused ? CodeFor(refused) : null;

    /// <summary>
    /// <paramref name="message"/> as <c>grpc-message</c> carries it: UTF-8, every byte outside visible ASCII and space,
    /// and <c>%</c> itself, percent-encoded (<c>%XX</c>, upper-case hex).
    /// </summary>
    /// <param name="message">The text.</param>
    public static string EncodeMessage(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message);
        var encoded = new StringBuilder(bytes.Length);
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                encoded.Append((char)b);
            }
            else
            {
                encoded.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return encoded.ToString();
    }
}

/// <summary>
/// Writes every problem the gateway answers by itself — refused headers and bodies, rate limits, failed authentication,
/// unrouted methods, unreachable services — as a gRPC refusal (<see cref="GrpcRefusal"/>) when the request is a gRPC
/// call; any other request gets the problem details as before.
/// </summary>
internal sealed class GrpcProblemWriter : IProblemDetailsWriter
{
    public bool CanWrite(ProblemDetailsContext context) => GrpcRefusal.IsGrpc(context.HttpContext.Request);

    public ValueTask WriteAsync(ProblemDetailsContext context)
    {
        var http = context.HttpContext;
        var problem = context.ProblemDetails;
        var status = problem.Status ?? http.Response.StatusCode;
        return new ValueTask(GrpcRefusal.WriteAsync(http, status, MessageOf(problem, status, http.Request.Path)));
    }

    /// <summary>The problem's title, detail and errors (<c>field: message</c>) in one line.</summary>
    /// <param name="problem">The problem REST would be answered.</param>
    /// <param name="status">Its HTTP status.</param>
    /// <param name="path">The request's path, named when nothing routes it.</param>
    internal static string MessageOf(ProblemDetails problem, int status, PathString path)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(problem.Title))
        {
            parts.Add(problem.Title);
        }

        if (!string.IsNullOrWhiteSpace(problem.Detail))
        {
            parts.Add(problem.Detail);
        }
        else if (status == StatusCodes.Status404NotFound)
        {
            parts.Add($"This gateway has no route for {path}.");
        }

        if (problem is HttpValidationProblemDetails { Errors.Count: > 0 } validation)
        {
            parts.AddRange(validation.Errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"));
        }

        return parts.Count > 0 ? string.Join(" ", parts) : $"The gateway refused the call ({status}).";
    }
}
