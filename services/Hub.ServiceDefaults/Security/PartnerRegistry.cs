using System.Diagnostics.CodeAnalysis;
using Hub.Contracts.Values;

namespace Hub.ServiceDefaults.Security;

/// <summary>
/// The partner hubs of this hub, from configuration. Read it through <c>IOptionsMonitor&lt;PartnerRegistry&gt;</c>:
/// the hub file is watched, so a partner added or removed there applies without a restart.
/// </summary>
public sealed record PartnerRegistry
{
    /// <summary>Partners keyed by hub id ("CN").</summary>
    public Dictionary<string, PartnerHub> Partners { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The partners that can be called: a gateway address and a secret.</summary>
    public IEnumerable<(HubId Hub, PartnerHub Partner)> Reachable() =>
        Partners
            .Where(p => HubId.TryParse(p.Key.ToUpperInvariant(), out _) && p.Value.Gateway is not null && p.Value.Secret.Length > 0)
            .Select(p => (HubId.Parse(p.Key.ToUpperInvariant()), p.Value))
            .OrderBy(p => p.Item1.ToString(), StringComparer.Ordinal);

    /// <summary>Finds a partner by hub id.</summary>
    public bool TryFind(HubId hub, [NotNullWhen(true)] out PartnerHub? partner) =>
        Partners.TryGetValue(hub.ToString(), out partner);
}
