using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Hub.Console.Clients;

/// <summary>Asks one hub process directly for its <c>/health/ready</c>.</summary>
internal sealed class ServiceHealthClient(HttpClient http, IOptions<ConsoleOptions> options)
{
    public async Task<ServiceReadiness> ReadyAsync(string name, Uri address, CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Patience);
            using var response = await http.GetAsync(new Uri(address, "/health/ready"), timeout.Token);
            var report = await response.Content.ReadFromJsonAsync<HealthReportBody>(JsonSerializerOptions.Web, timeout.Token);
            var checks = report?.Checks?.ToDictionary(c => c.Key, c => $"{c.Value.Status}{(c.Value.Description is { Length: > 0 } d ? ": " + d : "")}")
                ?? [];
            return new ServiceReadiness(name, address, report?.Status ?? "Unknown", checks);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or JsonException)
        {
            return new ServiceReadiness(name, address, ServiceReadiness.Unreachable, new Dictionary<string, string>());
        }
    }
}

internal sealed record ServiceReadiness(string Name, Uri Address, string Status, IReadOnlyDictionary<string, string> Checks)
{
    public const string Unreachable = "Unreachable";

    public bool IsReady => Status == "Healthy";
}
