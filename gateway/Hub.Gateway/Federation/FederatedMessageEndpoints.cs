using System.Diagnostics;
using System.Text.Json;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Messaging.Federation;
using Hub.ServiceDefaults.Security;
using MassTransit;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Hub.Gateway.Federation;

/// <summary>
/// <c>POST /api/federation/messages</c>: a partner hub's outbox delivering a contract message. The gateway publishes
/// it on this hub's bus under the sender's message id (consumers' inboxes absorb redeliveries) and answers 202 only
/// once the broker has confirmed it, so the sender keeps retrying until the message is safe here.
/// </summary>
internal static partial class FederatedMessageEndpoints
{
    private static readonly ActivitySource Activities = new(MessagingTelemetry.Name);

    public static void MapFederatedMessageEndpoints(this IEndpointRouteBuilder routes) =>
        routes.MapPost("/api/federation/messages", ReceiveAsync)
            .RequireAuthorization(HubPolicies.PartnerHub)
            .WithName("ReceiveFederatedMessage")
            .WithTags("Federation");

    private static async Task<Results<Accepted, ValidationProblem>> ReceiveAsync(
        FederatedMessage message, Caller caller, IBus bus, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (message.MessageId == Guid.Empty)
        {
            errors["messageId"] = ["A message id is required."];
        }

        if (!FederatedMessageTypes.TryResolve(message.MessageType, out var type))
        {
            errors["messageType"] = [$"'{message.MessageType}' is not a contract message type."];
        }

        if (message.SourceHub != caller.Hub.ToString())
        {
            errors["sourceHub"] = [$"The message claims to come from '{message.SourceHub}' but was signed by {caller.Hub}."];
        }

        object? body = null;
        if (type is not null)
        {
            try
            {
                body = message.Body.Deserialize(type, JsonSerializerOptions.Web);
            }
            catch (JsonException ex)
            {
                errors["body"] = [$"The body is not a valid {type.Name}: {ex.Message}"];
            }
        }

        if (errors.Count > 0 || body is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The federated message is not acceptable.");
        }

        using var activity = message.TraceParent is null
            ? null
            : Activities.StartActivity("federated message", ActivityKind.Consumer, message.TraceParent);
        await bus.Publish(body, type!, Pipe.Execute<PublishContext>(c =>
        {
            c.MessageId = message.MessageId;
            c.Headers.Set(FederatedMessage.SourceHubHeader, caller.Hub.ToString());
        }), cancellationToken);
        LogReceived(loggers.CreateLogger(typeof(FederatedMessageEndpoints)), message.MessageType, message.MessageId, caller.Hub.ToString());
        return TypedResults.Accepted((string?)null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {MessageType} {MessageId} from partner hub {Partner}")]
    private static partial void LogReceived(ILogger logger, string messageType, Guid messageId, string partner);
}
