using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Outbox;
using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Messaging.Federation;

/// <summary>
/// Delivers outbox rows addressed to a partner hub (<c>hub://CN</c>) to that hub's gateway, signed as this hub. Only a
/// 2xx answer counts as delivered; anything else throws and the relay retries with backoff until it does.
/// </summary>
internal sealed class PartnerHubDispatcher(
    IHttpClientFactory clients, IOptionsMonitor<PartnerRegistry> registry, ServiceIdentity identity, TimeProvider clock)
{
    public const string ClientName = "partner-hubs";
    public const string Scheme = "hub";
    public const string MessagesPath = "/api/federation/messages";

    public static Uri Destination(HubId hub) => new($"{Scheme}://{hub}");

    public static bool IsPartnerDestination(string? destination) =>
        destination is not null && destination.StartsWith(Scheme + "://", StringComparison.OrdinalIgnoreCase);

    public async Task DispatchAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var hub = HubId.Parse(new Uri(message.Destination!).Host.ToUpperInvariant());
        if (!registry.CurrentValue.TryFind(hub, out var partner) || partner.Gateway is null || partner.Secret.Length == 0)
        {
            throw new InvalidOperationException($"Partner hub {hub} has no gateway address or secret in Partners:{hub}; the message waits.");
        }

        var type = MessageSerialization.ResolveType(message.MessageType);
        using var body = JsonDocument.Parse(message.Body);
        var federated = new FederatedMessage(message.MessageId, FederatedMessageTypes.NameOf(type), body.RootElement.Clone(),
            identity.Hub.ToString(), message.CreatedAt, message.TraceParent ?? Activity.Current?.Id);

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(partner.Gateway, MessagesPath))
        {
            Content = JsonContent.Create(federated),
        };
        await PartnerRequestSigner.SignAsync(request, identity.Hub, partner.Secret, clock.GetUtcNow(), cancellationToken);
        using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"Partner hub {hub} answered {(int)response.StatusCode} to message {message.MessageId}.", null, response.StatusCode);
        }
    }
}
