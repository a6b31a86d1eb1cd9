using System.Globalization;
using System.Text.Json;
using Hub.Contracts.Values;
using Hub.Order.Application;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Hub.Order.Endpoints;

/// <summary>How an order's timeline is streamed (section <c>Order:TimelineStream</c>).</summary>
internal sealed class TimelineStreamOptions
{
    public const string Section = "Order:TimelineStream";

    /// <summary>How often a stream looks for new steps.</summary>
    public TimeSpan Poll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a stream may stay quiet before it sends a comment, so that no proxy takes it for dead.</summary>
    public TimeSpan Heartbeat { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long one stream lasts; the client then reconnects from the last step it saw.</summary>
    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How many streams one process serves at once; one more is a 503 with <c>Retry-After</c>.</summary>
    public int MaxStreams { get; set; } = 500;
}

/// <summary>
/// An order's timeline as it grows, as server-sent events (<c>GET /api/order/orders/{id}/timeline/stream</c>,
/// <c>text/event-stream</c>), for client apps that follow an order without asking for it again and again: every step
/// after the one the client saw last (<c>Last-Event-ID</c>, as EventSource sends on reconnecting, or <c>?after=</c>),
/// each an event <c>step</c> whose id is the step's sequence and whose data is the step as the order's timeline shows
/// it, with the order's status. Whoever may read the order may follow it; an order of another hub is followed at
/// that hub.
/// </summary>
internal static class TimelineStream
{
    private static int _open;

    public static async Task<Results<EmptyHttpResult, ValidationProblem, ProblemHttpResult>> FollowAsync(
        string id, string? after, HttpContext http, Caller caller, ServiceIdentity identity, OrderDesk desk, IOptions<TimelineStreamOptions> settings,
        IOptions<JsonOptions> json, TimeProvider clock, CancellationToken cancellationToken)
    {
        // Well-formed: the group's filter checked it.
        var orderId = OrderId.Parse(id);
        if (orderId.Hub != identity.Hub)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not followed here",
                detail: $"Order {id} is hub {orderId.Hub}'s: follow it at that hub's gateway.");
        }

        var lastEventId = http.Request.Headers["Last-Event-ID"].ToString();
        var from = string.IsNullOrEmpty(lastEventId) ? after : lastEventId;
        var seen = 0;
        if (!string.IsNullOrEmpty(from) && !int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out seen))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [string.IsNullOrEmpty(lastEventId) ? "after" : "Last-Event-ID"] = [$"'{from}' is not the sequence of a step: a whole number, 0 or more."],
            });
        }

        if (await desk.TimelineSinceAsync(id, caller, seen, cancellationToken) is not { } first)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found", detail: $"There is no order {id} you can see.");
        }

        var options = settings.Value;
        if (Interlocked.Increment(ref _open) > options.MaxStreams)
        {
            Interlocked.Decrement(ref _open);
            http.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Too many followers",
                detail: $"This process follows {options.MaxStreams} timelines at once; retry in a few seconds.");
        }

        try
        {
            await StreamAsync(id, caller, desk, first, seen, http, options, json.Value.SerializerOptions, clock, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            Interlocked.Decrement(ref _open);
        }

        return TypedResults.Empty;
    }

    private static async Task StreamAsync(
        string id, Caller caller, OrderDesk desk, TimelineSince first, int seen, HttpContext http, TimelineStreamOptions options, JsonSerializerOptions json,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        var until = clock.GetUtcNow() + options.MaxDuration;
        var quietSince = clock.GetUtcNow();
        await WriteAsync(http, $"retry: {(long)Math.Max(1_000, options.Poll.TotalMilliseconds * 2)}\n\n", cancellationToken);
        for (var since = first; ; )
        {
            foreach (var step in since.Steps)
            {
                var data = JsonSerializer.Serialize(
                    new TimelineEvent(since.Status.ToString(), new TimelineResponse(step.Sequence, step.At, step.Hub, step.Step, step.Cause, step.Detail)), json);
                await WriteAsync(http, $"id: {step.Sequence}\nevent: step\ndata: {data}\n\n", cancellationToken);
                seen = step.Sequence;
                quietSince = clock.GetUtcNow();
            }

            var now = clock.GetUtcNow();
            if (now >= until)
            {
                return;
            }

            if (now - quietSince >= options.Heartbeat)
            {
                await WriteAsync(http, ": still here\n\n", cancellationToken);
                quietSince = now;
            }

            await Task.Delay(options.Poll, clock, cancellationToken);
            // The caller could see the order a moment ago; one it no longer can (none such) ends the stream.
            if (await desk.TimelineSinceAsync(id, caller, seen, cancellationToken) is not { } next)
            {
                return;
            }

            since = next;
        }
    }

    private static async Task WriteAsync(HttpContext http, string text, CancellationToken cancellationToken)
    {
        await http.Response.WriteAsync(text, cancellationToken);
        await http.Response.Body.FlushAsync(cancellationToken);
    }
}

/// <summary>One step of an order's timeline as it is streamed, with the order's status when it was read.</summary>
internal sealed record TimelineEvent(string Status, TimelineResponse Step);
