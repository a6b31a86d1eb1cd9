using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Hub.Gateway.Health;

/// <summary>
/// The gateway's readiness: every service of its hub ready (else unhealthy — the hub cannot serve), and each partner
/// hub's gateway reachable (else degraded — this hub still serves, federated answers will be partial).
/// </summary>
internal sealed class HubReachabilityCheck(
    IHttpClientFactory clients, IConfiguration configuration, IOptionsMonitor<PartnerRegistry> registry) : IHealthCheck
{
    public const string ClientName = "health";

    private static readonly string[] Services = ["Catalog", "Order", "Customs", "Logistics", "Payment", "TaxRefund"];
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var services = Services
            .Select(name => (Name: name, Address: configuration[$"Services:{name}:Http"]))
            .Where(s => !string.IsNullOrEmpty(s.Address))
            .Select(async s => (s.Name, Ok: await AnswersAsync(new Uri(new Uri(s.Address!), "/health/ready"), cancellationToken)));
        var partners = registry.CurrentValue.Reachable()
            .Select(async p => (Name: p.Hub.ToString(), Ok: await AnswersAsync(new Uri(p.Partner.Gateway!, "/health/live"), cancellationToken)));
        var serviceStates = await Task.WhenAll(services);
        var partnerStates = await Task.WhenAll(partners);

        var data = serviceStates.ToDictionary(s => $"service:{s.Name}", s => (object)(s.Ok ? "ready" : "not ready"));
        foreach (var (name, ok) in partnerStates)
        {
            data[$"partner:{name}"] = ok ? "reachable" : "unreachable";
        }

        var description = string.Join(", ", data.Select(d => $"{d.Key} {d.Value}"));
        return serviceStates.Any(s => !s.Ok) ? HealthCheckResult.Unhealthy(description, data: data)
            : partnerStates.Any(p => !p.Ok) ? HealthCheckResult.Degraded(description, data: data)
            : HealthCheckResult.Healthy(description, data);
    }

    private async Task<bool> AnswersAsync(Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(Patience);
            using var response = await clients.CreateClient(ClientName).GetAsync(uri, timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }
}
