using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Hub.Console;

/// <summary>The processes and partners of this hub, as the hub file names them (re-read on every call: the file is watched).</summary>
internal sealed class HubTopology(IConfiguration configuration, IOptionsMonitor<PartnerRegistry> partners)
{
    /// <summary>Every process with a REST address (<c>Services:&lt;Name&gt;:Http</c>), the console itself excepted.</summary>
    public IReadOnlyList<(string Name, Uri Address)> Processes() =>
        configuration.GetSection("Services").GetChildren()
            .Where(s => s.Key != "Console" && Uri.TryCreate(s["Http"], UriKind.Absolute, out _))
            .Select(s => (s.Key, new Uri(s["Http"]!)))
            .ToList();

    /// <summary>Every process that publishes events through an outbox: the services, not the gateway.</summary>
    public IReadOnlyList<(string Name, Uri Address)> Services() =>
        Processes().Where(p => p.Name != "Gateway").ToList();

    public IReadOnlyList<(string Hub, PartnerHub Partner)> Partners() =>
        partners.CurrentValue.Partners
            .OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => (p.Key.ToUpperInvariant(), p.Value))
            .ToList();
}
