using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace Hub.Gateway.Federation;

/// <summary>
/// One page of a catalog search asked of this hub's catalog and every partner hub at once, under one deadline, each
/// from its own position in the search (<see cref="FederatedCursor"/>); the answers are merged into one page
/// (<see cref="FederatedPage"/>) and each hub's outcome reported.
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

    private const string InvalidSearch = "The search is invalid.";

    /// <summary>
    /// The merged page of every hub; or, when the federated query or this hub's catalog refuses the query (400), the
    /// refusal, which every partner would repeat, at the federation path and with the fields the catalog named.
    /// </summary>
    /// <param name="request">The federated search request.</param>
    /// <param name="cancellationToken">Cancelled when the caller leaves.</param>
    public async Task<Results<Ok<FederatedSearchResult>, ValidationProblem, ProblemHttpResult>> SearchAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue.Federation;
        var errors = FederatedSearchQuery.Read(request.Query, settings.MaxPageSize, out var query);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: InvalidSearch);
        }

        // Nobody waits for the partners once the caller has left or the query turned out invalid.
        using var wanted = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(wanted.Token);
        deadline.CancelAfter(settings.Deadline);

        Task<HubAsked> Ask(string hub, Func<HubPosition, string, Task<HubAsked>> ask)
        {
            var position = query.Cursor.PositionOf(hub);
            return position.Done
                ? Task.FromResult(new HubAsked(new HubAnswer(hub, HubAnswer.Done, 0, 0, null), position, [], null))
                : ask(position, query.TargetFor(settings.CatalogSearchPath, position, settings.MaxPageSize));
        }

        var home = Ask(identity.Hub.ToString(), (position, target) => AskHomeAsync(position, target, request.Headers.Authorization.ToString(), deadline.Token));
        var partners = registry.CurrentValue.Reachable()
            .Select(p => Ask(p.Hub.ToString(), (position, target) => AskPartnerAsync(p.Hub, p.Partner, position, target, wanted.Token, deadline.Token)))
            .ToList();
        var homeAnswer = await home;
        if (homeAnswer.Refusal is { } refusal)
        {
            await wanted.CancelAsync();
            await Task.WhenAll(partners);
            cancellationToken.ThrowIfCancellationRequested();
            return refusal.Errors.Count > 0
                ? TypedResults.ValidationProblem(refusal.Errors, refusal.Detail, request.Path, refusal.Title ?? InvalidSearch)
                : TypedResults.Problem(refusal.Detail, request.Path, StatusCodes.Status400BadRequest, refusal.Title ?? InvalidSearch);
        }

        List<HubAsked> answers = [homeAnswer, .. await Task.WhenAll(partners)];
        cancellationToken.ThrowIfCancellationRequested();

        foreach (var missing in answers.Select(a => a.Answer).Where(a => a.Missing))
        {
            LogHubMissing(missing.Hub, missing.Status, missing.Error);
        }

        return TypedResults.Ok(FederatedPage.Of(answers, query.Limit));
    }

    private Task<HubAsked> AskHomeAsync(HubPosition position, string target, string authorization, CancellationToken deadline)
    {
        var catalog = configuration["Services:Catalog:Http"] ?? throw new InvalidOperationException("Services:Catalog:Http is not configured.");
        return AskAsync(identity.Hub.ToString(), position, handlers.CreateHandler(HandlerName), new Uri(new Uri(catalog), target), authorization, partner: false, CancellationToken.None, deadline);
    }

    private Task<HubAsked> AskPartnerAsync(HubId hub, PartnerHub partner, HubPosition position, string target, CancellationToken caller, CancellationToken deadline)
    {
        var signer = new PartnerRequestSigner(identity.Hub, hub, registry, clock) { InnerHandler = handlers.CreateHandler(HandlerName) };
        return AskAsync(hub.ToString(), position, signer, new Uri(partner.Gateway!, target), null, partner: true, caller, deadline);
    }

    // A partner is asked through its breaker, which must know the caller's token to tell the caller leaving from the
    // partner failing.
    private async Task<HubAsked> AskAsync(
        string hub, HubPosition position, HttpMessageHandler handler, Uri uri, string? authorization, bool partner, CancellationToken caller, CancellationToken deadline)
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
                return new(Answer("failed", 0, "HTTP 400"), position, [], null, await RefusalAsync(response, deadline));
            }

            if (!response.IsSuccessStatusCode)
            {
                return new(Answer("failed", 0, $"HTTP {(int)response.StatusCode}"), position, [], null);
            }

            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(deadline));
            var items = Items(body, hub);
            return new(Answer(HubAnswer.Answered, items.Count, null), position, items, NextCursor(body));
        }
        catch (BrokenCircuitException)
        {
            return new(Answer("circuit-open", 0, "skipped while its recent calls keep failing"), position, [], null);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return new(Answer("timed-out", 0, "no answer before the deadline"), position, [], null);
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException)
        {
            return new(Answer("failed", 0, ex.Message), position, [], null);
        }
    }

    // The catalog's own problem (with its field errors) when it sent one, else a plain one: the caller learns why.
    private static async Task<HttpValidationProblemDetails> RefusalAsync(HttpResponseMessage response, CancellationToken deadline)
    {
        HttpValidationProblemDetails? problem = null;
        try
        {
            problem = await response.Content.ReadFromJsonAsync<HttpValidationProblemDetails>(JsonSerializerOptions.Web, deadline);
        }
        catch (JsonException)
        {
        }

        return problem ?? new HttpValidationProblemDetails { Title = InvalidSearch, Detail = "This hub's catalog refused the search." };
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

    private static string? NextCursor(JsonNode? body) =>
        body is JsonObject o && o["nextCursor"] is JsonValue v && v.TryGetValue<string>(out var cursor) && cursor.Length > 0 ? cursor : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Federated search: hub {Hub} {Status} ({Error})")]
    private partial void LogHubMissing(string hub, string status, string? error);
}
