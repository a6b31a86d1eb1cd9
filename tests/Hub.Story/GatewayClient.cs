using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Hub.Story;

/// <summary>One hub's gateway as its users see it: REST with bearer tokens from <c>POST /api/identity/token</c>.</summary>
public sealed class GatewayClient(string hub, Uri gateway) : IDisposable
{
    // Patient: a checkout crosses two hubs and four services, and a busy machine stretches each hop.
    private readonly HttpClient _http = new() { BaseAddress = gateway, Timeout = TimeSpan.FromSeconds(100) };
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);

    /// <summary>The hub id (KR, CN).</summary>
    public string Hub { get; } = hub;

    /// <summary>The gateway's REST address.</summary>
    public Uri Address { get; } = gateway;

    /// <summary>Signs a hub user in (once; the token is kept).</summary>
    public async Task<Session> SignInAsync(StoryUser user, CancellationToken cancellationToken)
    {
        if (_sessions.TryGetValue(user.Name, out var known))
        {
            return known;
        }

        var reply = await SendAsync(HttpMethod.Post, "/api/identity/token", null, new { user = user.Name, password = user.Password }, null, cancellationToken);
        var session = new Session(user.Name, reply["accessToken"]!.GetValue<string>(), reply["company"]?.GetValue<string>());
        _sessions[user.Name] = session;
        return session;
    }

    /// <summary>GET as <paramref name="session"/>.</summary>
    public Task<JsonNode> GetAsync(Session session, string path, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, path, session, null, null, cancellationToken);

    /// <summary>POST a JSON body (or none) as <paramref name="session"/>.</summary>
    public Task<JsonNode> PostAsync(Session session, string path, object? body, CancellationToken cancellationToken, IReadOnlyDictionary<string, string>? headers = null) =>
        SendAsync(HttpMethod.Post, path, session, body, headers, cancellationToken);

    /// <summary>Sends a request and answers the JSON body of a 2xx; anything else throws <see cref="GatewayException"/>.</summary>
    public async Task<JsonNode> SendAsync(
        HttpMethod method, string path, Session? session, object? body, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (session is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", session.Token);
        }

        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            request.Headers.Add(name, value);
        }

        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await _http.SendAsync(request, cancellationToken);
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new GatewayException(Hub, method, path, response.StatusCode, text);
        }

        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text) ?? new JsonObject();
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}

/// <summary>A signed-in user: its bearer token and, for an SME, its company.</summary>
public sealed record Session(string User, string Token, string? Company);

/// <summary>A hub user of the hub file's <c>Identity:Users</c>.</summary>
public sealed record StoryUser(string Name, string Password);

/// <summary>A gateway answered with something other than 2xx.</summary>
public sealed class GatewayException(string hub, HttpMethod method, string path, HttpStatusCode status, string body)
    : Exception($"{hub} {method} {path} answered {(int)status} {status}: {body}")
{
    /// <summary>The status the gateway answered.</summary>
    public HttpStatusCode Status { get; } = status;
}
