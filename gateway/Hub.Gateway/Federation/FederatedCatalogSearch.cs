using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
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

    /// <summary>
    /// The merged answer of every hub; or, when this hub's catalog refuses the query itself (400), its problem, which
    /// every partner would repeat.
    /// </summary>
    public async Task<Results<Ok<FederatedSearchResult>, ProblemHttpResult>> SearchAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.Federation;
        var target = settings.CatalogSearchPath + request.QueryString.ToUriComponent();
        // Nobody waits for the partners once the caller has left or the query turned out invalid.
        using var wanted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(wanted.Token);
        deadline.CancelAfter(settings.Deadline);

        var home = AskHomeAsync(target, request.Headers.Authorization.ToString(), deadline.Token);
        var partners = registry.CurrentValue.Reachable().Select(p => AskPartnerAsync(p.Hub, p.Partner, target, wanted.Token, deadline.Token)).ToList();
        var homeAnswer = await home;
        if (homeAnswer.Refusal is { } refusal)
        {
            await wanted.CancelAsync();
            await Task.WhenAll(partners);
            cancellationToken.ThrowIfCancellationRequested();
            return TypedResults.Problem(refusal);
        }

        List<HubAsked> answers = [homeAnswer, .. await Task.WhenAll(partners)];
        cancellationToken.ThrowIfCancellationRequested();

        var hubs = answers.Select(a => a.Answer).ToList();
        foreach (var missing in hubs.Where(h => h.Status != "answered"))
        {
            LogHubMissing(missing.Hub, missing.Status, missing.Error);
        }

        return TypedResults.Ok(new FederatedSearchResult(Merge(answers.Select(a => a.Items).ToList()), hubs, hubs.Any(h => h.Status != "answered")));
    }

    private Task<HubAsked> AskHomeAsync(string target, string authorization, CancellationToken deadline)
    {
        var catalog = configuration["Services:Catalog:Http"] ?? throw new InvalidOperationException("Services:Catalog:Http is not configured.");
        return AskAsync(identity.Hub.ToString(), handlers.CreateHandler(HandlerName), new Uri(new Uri(catalog), target), authorization, partner: false, CancellationToken.None, deadline);
    }

    private Task<HubAsked> AskPartnerAsync(HubId hub, PartnerHub partner, string target, CancellationToken caller, CancellationToken deadline)
    {
        var signer = new PartnerRequestSigner(identity.Hub, hub, registry, clock) { InnerHandler = handlers.CreateHandler(HandlerName) };
        return AskAsync(hub.ToString(), signer, new Uri(partner.Gateway!, target), null, partner: true, caller, deadline);
    }

    // A partner is asked through its breaker, which must know the caller's token to tell the caller leaving from the
    // partner failing.
    private async Task<HubAsked> AskAsync(
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
            if (!partner && response.StatusCode == HttpStatusCode.BadRequest)
            {
                return new(Answer("failed", 0, "HTTP 400"), [], await RefusalAsync(response, deadline));
            }

            if (!response.IsSuccessStatusCode)
            {
                return new(Answer("failed", 0, $"HTTP {(int)response.StatusCode}"), []);
            }

            var items = Items(JsonNode.Parse(await response.Content.ReadAsStringAsync(deadline)), hub);
            return new(Answer("answered", items.Count, null), items);
        }
        catch (BrokenCircuitException)
        {
            return new(Answer("circuit-open", 0, "skipped while its recent calls keep failing"), []);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return new(Answer("timed-out", 0, "no answer before the deadline"), []);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            return new(Answer("failed", 0, ex.Message), []);
        }
    }

    // The catalog's own problem (with its field errors) when it sent one, else a plain one: the caller learns why.
    private static async Task<ProblemDetails> RefusalAsync(HttpResponseMessage response, CancellationToken deadline)
    {
        ProblemDetails? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(JsonSerializerOptions.Web, deadline);
        }
        catch (JsonException)
        {
        }

        problem ??= new ProblemDetails { Title = "The search is invalid.", Detail = "This hub's catalog refused the search." };
        problem.Status = StatusCodes.Status400BadRequest;
        return problem;
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

    private sealed record HubAsked(HubAnswer Answer, List<JsonObject> Items, ProblemDetails? Refusal = null);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Federated search: hub {Hub} {Status} ({Error})")]
    private partial void LogHubMissing(string hub, string status, string? error);
}
