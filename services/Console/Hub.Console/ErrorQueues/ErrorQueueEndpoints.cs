using Hub.Console.Clients;
using Hub.Console.Operators;
using Microsoft.AspNetCore.Http.HttpResults;
using Hub.ServiceDefaults.Security;
using RabbitMQ.Client.Exceptions;

namespace Hub.Console.ErrorQueues;

/// <summary>The error-queue page's buttons: replay or discard one message, then back to the page with the outcome.</summary>
internal static partial class ErrorQueueEndpoints
{
    public static void MapErrorQueueEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/actions/error-queues/{queue}/messages/{messageId}").RequireAuthorization(HubPolicies.Operator);
        group.MapPost("/replay", ReplayAsync).AddEndpointFilter<AntiforgeryFilter>();
        group.MapPost("/discard", DiscardAsync).AddEndpointFilter<AntiforgeryFilter>();
    }

    private static Task<IResult> ReplayAsync(string queue, string messageId, ErrorQueueMover mover, HttpContext context, ILoggerFactory logs) =>
        ActAsync(queue, messageId, "replay", mover.ReplayAsync, context, logs);

    private static Task<IResult> DiscardAsync(string queue, string messageId, ErrorQueueMover mover, HttpContext context, ILoggerFactory logs) =>
        ActAsync(queue, messageId, "discard", mover.DiscardAsync, context, logs);

    private static async Task<IResult> ActAsync(
        string queue, string messageId, string action, Func<string, string, CancellationToken, Task<MoveOutcome>> move, HttpContext context, ILoggerFactory logs)
    {
        var logger = logs.CreateLogger(typeof(ErrorQueueEndpoints));
        MoveOutcome outcome;
        try
        {
            outcome = await move(queue, messageId, context.RequestAborted);
        }
        catch (Exception ex) when (ex is PublishException or OperationInterruptedException or BrokerUnreachableException)
        {
            LogFailed(logger, action, messageId, queue, ex.Message);
            return Back(queue, "failed", messageId);
        }

        LogActed(logger, context.User.Identity?.Name ?? "?", outcome, messageId, queue);
        return Back(queue, outcome.ToString().ToLowerInvariant(), messageId);
    }

    private static RedirectHttpResult Back(string queue, string outcome, string messageId) =>
        TypedResults.LocalRedirect($"~/error-queues/{Uri.EscapeDataString(queue)}?outcome={outcome}&message={Uri.EscapeDataString(messageId)}");

    [LoggerMessage(LogLevel.Information, "Operator {User}: {Outcome} message {MessageId} of {Queue}")]
    private static partial void LogActed(ILogger logger, string user, MoveOutcome outcome, string messageId, string queue);

    [LoggerMessage(LogLevel.Error, "Could not {Action} message {MessageId} of {Queue}: {Reason}")]
    private static partial void LogFailed(ILogger logger, string action, string messageId, string queue, string reason);
}
