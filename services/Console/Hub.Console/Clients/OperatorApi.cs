using System.Net.Http.Headers;
using System.Text.Json;

namespace Hub.Console.Clients;

/// <summary>
/// The services' operator REST APIs, called through the hub's gateway with the signed-in operator's token. Every answer
/// is either the value or the service's problem details as it sent them; nothing throws for a refusal.
/// </summary>
internal sealed class OperatorApi(HttpClient http)
{
    public Task<ApiResult<T>> GetAsync<T>(string path, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);

    public Task<ApiResult<T>> PostAsync<T>(string path, object? body, CancellationToken cancellationToken) =>
        SendAsync<T>(new HttpRequestMessage(HttpMethod.Post, path) { Content = body is null ? null : JsonContent.Create(body, options: JsonSerializerOptions.Web) },
            cancellationToken);

    private async Task<ApiResult<T>> SendAsync<T>(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        using var _ = request;
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (response.IsSuccessStatusCode)
            {
                return new ApiResult<T>(JsonSerializer.Deserialize<T>(text, JsonSerializerOptions.Web), null);
            }

            return new ApiResult<T>(default, ProblemBody.From((int)response.StatusCode, response.ReasonPhrase, text));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return new ApiResult<T>(default, new ProblemBody(0, "The gateway did not answer.", ex.Message, null));
        }
    }
}

internal sealed record ApiResult<T>(T? Value, ProblemBody? Problem)
{
    public bool IsOk => Problem is null;
}

/// <summary>
/// RFC 7807 problem details as a service sent them (status, title, detail and any field errors). Public only because
/// the <c>Problem</c> component (Razor components are public) takes it as a parameter.
/// </summary>
public sealed record ProblemBody(int Status, string? Title, string? Detail, IReadOnlyDictionary<string, string[]>? Errors)
{
    internal static ProblemBody From(int status, string? reason, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                var errors = root.TryGetProperty("errors", out var e) && e.ValueKind == JsonValueKind.Object
                    ? e.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Array
                        ? p.Value.EnumerateArray().Select(v => v.ToString()).ToArray()
                        : [p.Value.ToString()])
                    : null;
                return new ProblemBody(
                    root.TryGetProperty("status", out var s) && s.TryGetInt32(out var code) ? code : status,
                    root.TryGetProperty("title", out var t) ? t.GetString() : reason,
                    root.TryGetProperty("detail", out var d) ? d.GetString() : null,
                    errors);
            }
        }
        catch (JsonException)
        {
        }

        return new ProblemBody(status, reason, string.IsNullOrWhiteSpace(text) ? null : text, null);
    }
}
