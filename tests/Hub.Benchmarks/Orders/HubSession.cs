using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Hub.Benchmarks.Orders;

/// <summary>
/// One signed-in user of a hub, calling through that hub's gateway. A 429 from the gateway's rate limit is waited out
/// and sent again (it is the gateway protecting itself, not an answer of the service) and counted in
/// <see cref="RateLimited"/>; a call the gateway does not answer at all returns <see cref="NoAnswer"/>, for the caller
/// to count as a failure.
/// </summary>
internal sealed class HubSession(HttpClient http, string user, string token)
{
    /// <summary>The status of a call the gateway did not answer.</summary>
    public const HttpStatusCode NoAnswer = 0;

    private int _rateLimited;

    public string User { get; } = user;

    /// <summary>How many of this user's calls the gateway's rate limit answered 429 (each waited out and sent again).</summary>
    public int RateLimited => Volatile.Read(ref _rateLimited);

    public static async Task<HubSession> SignInAsync(HttpClient http, HubFile hub, string user)
    {
        using var response = await http.PostAsJsonAsync(new Uri(hub.Gateway, "/api/identity/token"), new { user, password = hub.Password(user) });
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{user} could not sign in at {hub.Gateway}: {(int)response.StatusCode} {body}");
        }

        using var document = JsonDocument.Parse(body);
        return new HubSession(http, user, document.RootElement.GetProperty("accessToken").GetString()!);
    }

    public Uri Gateway => http.BaseAddress!;

    public Task<Reply> GetAsync(string path, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, path, body: null, headers: null, cancellationToken);

    public Task<Reply> PostAsync(string path, object? body, IReadOnlyDictionary<string, string>? headers = null, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, path, body, headers, cancellationToken);

    public async Task<Reply> SendAsync(HttpMethod method, string path, object? body, IReadOnlyDictionary<string, string>? headers, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
            {
                request.Headers.Add(name, value);
            }

            if (body is not null)
            {
                request.Content = JsonContent.Create(body);
            }

            HttpResponseMessage response;
            try
            {
                response = await http.SendAsync(request, cancellationToken);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                // The gateway did not answer (not running, or the connection dropped): no status, as a client sees it.
                return new Reply(NoAnswer, $"no answer from {http.BaseAddress}: {ex.Message}");
            }

            using var answered = response;
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Interlocked.Increment(ref _rateLimited);
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
                continue;
            }

            return new Reply(response.StatusCode, text, response.Headers.RetryAfter?.Delta);
        }
    }
}

/// <summary>A gateway's answer: the status, the body as JSON (undefined when it was not JSON), the Retry-After it asked for.</summary>
internal sealed record Reply(HttpStatusCode Status, string Body, TimeSpan? RetryAfter = null)
{
    public bool Ok => (int)Status is >= 200 and < 300;

    public JsonElement Json => Body.Length > 0 && Body[0] is '{' or '[' ? JsonDocument.Parse(Body).RootElement : default;

    public Reply Expect(string what) =>
        Ok ? this : throw new InvalidOperationException($"{what}: {(int)Status} {Status} {Body}");
}
