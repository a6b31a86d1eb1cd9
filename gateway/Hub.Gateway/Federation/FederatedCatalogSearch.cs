using System.Diagnostics;
using System.Text.Json.Nodes;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace Hub.Gateway.Federation;

/// <summary>
/// One catalog search asked of this hub's catalog and every partner hub at once, under one deadline; the answers
/// are merged (by their <c>rank</c> when the hubs give one, else interleaved) and each hub's outcome reported.
/// </summary>
internal sealed partial class FederatedCatalogSearch(
    IHttpMessageHandlerFactory handlers,
    IOptionsMonitor<PartnerRegistry> registry,
    IOptionsMonitor<GatewayOptions> options,
    IConfiguration configuration,
    ServiceIdentity identity,
    PartnerBreakers breakers,
    TimeProvider clock,
    ILogger<FederatedCatalogSearch> logger)
{
    public const string HandlerName = "federation";

    public async Task<FederatedSearchResult> SearchAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.Federation;
        var target = settings.CatalogSearchPath + request.QueryString.ToUriComponent();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(settings.Deadline);

        var asks = new List<Task<(HubAnswer Answer, List<JsonObject> Items)>>
        {
            AskHomeAsync(target, request.Headers.Authorization.ToString(), deadline.Token),
        };
        asks.AddRange(registry.CurrentValue.Reachable().Select(p => AskPartnerAsync(p.Hub, p.Partner, target, cancellationToken, deadline.Token)));
        var answers = await Task.WhenAll(asks);
        cancellationToken.ThrowIfCancellationRequested();

        var hubs = answers.Select(a => a.Answer).ToList();
        foreach (var missing in hubs.Where(h => h.Status != "answered"))
        {
            LogHubMissing(missing.Hub, missing.Status, missing.Error);
        }

        return new FederatedSearchResult(Merge(answers.Select(a => a.Items).ToList()), hubs, hubs.Any(h => h.Status != "answered"));
    }

    private Task<(HubAnswer, List<JsonObject>)> AskHomeAsync(string target, string authorization, CancellationToken deadline)
    {
        var catalog = configuration["Services:Catalog:Http"] ?? throw new InvalidOperationException("Services:Catalog:Http is not configured.");
        return AskAsync(identity.Hub.ToString(), handlers.CreateHandler(HandlerName), new Uri(new Uri(catalog), target), authorization, partner: false, CancellationToken.None, deadline);
    }

    private Task<(HubAnswer, List<JsonObject>)> AskPartnerAsync(HubId hub, PartnerHub partner, string target, CancellationToken caller, CancellationToken deadline)
    {
        var signer = new PartnerRequestSigner(identity.Hub, hub, registry, clock) { InnerHandler = handlers.CreateHandler(HandlerName) };
        return AskAsync(hub.ToString(), signer, new Uri(partner.Gateway!, target), null, partner: true, caller, deadline);
    }

    // A partner is asked through its breaker, which must know the caller's token to tell the caller leaving from the
    // partner failing.
    private async Task<(HubAnswer, List<JsonObject>)> AskAsync(
        string hub, HttpMessageHandler handler, Uri uri, string? authorization, bool partner, CancellationToken caller, CancellationToken deadline)
    {
        var started = Stopwatch.GetTimestamp();
        HubAnswer Answer(string status, int count, string? error) => new(hub, status, count, Stopwatch.GetElapsedTime(started).TotalMilliseconds, error);

        using var client = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        try
        {
            async ValueTask<HttpResponseMessage> Send(CancellationToken token)
            {
                using var message = new HttpRequestMessage(HttpMethod.Get, uri);
                if (!string.IsNullOrEmpty(authorization))
                {
                    message.Headers.TryAddWithoutValidation("Authorization", authorization);
                }

                return await client.SendAsync(message, token);
            }

            using var response = partner ? await breakers.SendAsync(hub, Send, caller, deadline) : await Send(deadline);
            if (!response.IsSuccessStatusCode)
            {
                return (Answer("failed", 0, $"HTTP {(int)response.StatusCode}"), []);
            }

            var items = Items(JsonNode.Parse(await response.Content.ReadAsStringAsync(deadline)), hub);
            return (Answer("answered", items.Count, null), items);
        }
        catch (BrokenCircuitException)
        {
            return (Answer("circuit-open", 0, "skipped while its recent calls keep failing"), []);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return (Answer("timed-out", 0, "no answer before the deadline"), []);
        }
        catch (Exception ex) when (ex is HttpRequestException or System.Text.Json.JsonException)
        {
            return (Answer("failed", 0, ex.Message), []);
        }
    }

    private static List<JsonObject> Items(JsonNode? body, string hub)
    {
        var array = body switch
        {
            JsonArray a => a,
            JsonObject o when o["items"] is JsonArray a => a,
            _ => [],
        };
        var items = new List<JsonObject>();
        foreach (var item in array.OfType<JsonObject>())
        {
            var copy = (JsonObject)item.DeepClone();
            copy["hub"] = hub;
            items.Add(copy);
        }

        return items;
    }

    // Hubs that rank their results are merged by rank; otherwise the lists are interleaved so no hub buries another.
    private static List<JsonObject> Merge(List<List<JsonObject>> perHub)
    {
        var all = perHub.SelectMany(h => h).ToList();
        if (all.Count > 0 && all.All(i => i["rank"] is JsonValue v && v.TryGetValue<double>(out _)))
        {
            return [.. all.OrderByDescending(i => i["rank"]!.GetValue<double>())];
        }

        var merged = new List<JsonObject>(all.Count);
        for (var position = 0; merged.Count < all.Count; position++)
        {
            merged.AddRange(perHub.Where(h => position < h.Count).Select(h => h[position]));
        }

        return merged;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Federated search: hub {Hub} {Status} ({Error})")]
    private partial void LogHubMissing(string hub, string status, string? error);
}
