using System.Text.Json;

namespace Hub.ServiceDefaults.Messaging.Federation;

/// <summary>
/// A message one hub's outbox delivers to a partner hub: <c>POST /api/federation/messages</c> at the partner's
/// gateway, signed as the sending hub. The receiver publishes it on its own bus under the same
/// <see cref="MessageId"/>, so a redelivery is absorbed by the consumers' inboxes.
/// </summary>
/// <param name="MessageId">The outbox message id, stable across retries.</param>
/// <param name="MessageType">The contract's full type name (only those of <see cref="FederatedMessageTypes"/> are accepted).</param>
/// <param name="Body">The message as JSON.</param>
/// <param name="SourceHub">The sending hub.</param>
/// <param name="SentAt">When the sender committed it (UTC).</param>
/// <param name="TraceParent">The W3C trace context of the sending transaction, so the trace continues across hubs.</param>
public sealed record FederatedMessage(Guid MessageId, string MessageType, JsonElement Body, string SourceHub, DateTime SentAt, string? TraceParent)
{
    /// <summary>
    /// The header the receiving gateway sets on the published message: the partner hub whose signature it verified.
    /// A consumer that must only accept a message from a partner hub checks it.
    /// </summary>
    public const string SourceHubHeader = "Hub-Source";

    /// <summary>The partner hub a consumed message came from through the gateway; null for this hub's own bus.</summary>
    public static string? SourceHubOf(MassTransit.ConsumeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.Headers.Get<string>(SourceHubHeader);
    }
}
