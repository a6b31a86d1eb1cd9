using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Hub.Console.Clients;

/// <summary>Whether a partner hub's gateway answers its liveness probe.</summary>
internal sealed class PartnerClient(HttpClient http, IOptions<ConsoleOptions> options)
{
    public async Task<bool> ReachableAsync(PartnerHub partner, CancellationToken cancellationToken)
    {
        if (partner.Gateway is null)
        {
            return false;
        }

        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.Patience);
            using var response = await http.GetAsync(new Uri(partner.Gateway, "/health/live"), timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException)
        {
            return false;
        }
    }
}
