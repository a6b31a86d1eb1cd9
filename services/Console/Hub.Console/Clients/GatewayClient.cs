using System.Net;
using System.Text.Json;

namespace Hub.Console.Clients;

/// <summary>The hub's gateway: operator tokens and the hub-wide readiness it reports.</summary>
internal sealed class GatewayClient(HttpClient http)
{
    public async Task<TokenResult> IssueTokenAsync(string user, string password, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("api/identity/token", new { user, password }, cancellationToken);
            if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.BadRequest)
            {
                return TokenResult.Refused;
            }

            response.EnsureSuccessStatusCode();
            var token = await response.Content.ReadFromJsonAsync<IssuedToken>(JsonSerializerOptions.Web, cancellationToken);
            return token is null ? TokenResult.Unavailable : new TokenResult(TokenOutcome.Issued, token);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return TokenResult.Unavailable;
        }
    }

    /// <summary>The gateway's <c>/health/ready</c>: its own status and what it says of each service and partner.</summary>
    public async Task<GatewayReadiness> ReadinessAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync("health/ready", cancellationToken);
            var report = await response.Content.ReadFromJsonAsync<HealthReportBody>(JsonSerializerOptions.Web, cancellationToken);
            return GatewayReadiness.From(report);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
        {
            return GatewayReadiness.Unreachable;
        }
    }
}
