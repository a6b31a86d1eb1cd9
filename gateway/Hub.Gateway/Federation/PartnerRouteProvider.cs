using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;

namespace Hub.Gateway.Federation;

/// <summary>
/// Routes <c>GET /partners/&lt;hub&gt;/api/catalog/…</c> to each partner hub's gateway, for this hub's users to browse a
/// partner's catalog; built from the hub registry and rebuilt whenever it changes: adding a hub is a configuration
/// change, not a release. Requests leave signed as this hub, so nothing else passes: a user of this hub never writes
/// at a partner, nor sends it messages, in this hub's name.
/// </summary>
internal sealed class PartnerRouteProvider : IProxyConfigProvider, IDisposable
{
    public const string PartnerMetadata = "Partner";

    private readonly IDisposable? _subscription;
    private volatile PartnerProxyConfig _config;

    public PartnerRouteProvider(IOptionsMonitor<PartnerRegistry> registry)
    {
        _config = Build(registry.CurrentValue);
        _subscription = registry.OnChange(changed =>
        {
            var previous = _config;
            _config = Build(changed);
            previous.SignalChange();
        });
    }

    public IProxyConfig GetConfig() => _config;

    public void Dispose() => _subscription?.Dispose();

    private static PartnerProxyConfig Build(PartnerRegistry registry)
    {
        var routes = new List<RouteConfig>();
        var clusters = new List<ClusterConfig>();
        foreach (var (hub, partner) in registry.Reachable())
        {
            var id = $"partner-{hub.ToString().ToLowerInvariant()}";
            var prefix = $"/partners/{hub.ToString().ToLowerInvariant()}";
            routes.Add(new RouteConfig
            {
                RouteId = id,
                ClusterId = id,
                AuthorizationPolicy = HubPolicies.SmeOrOperator,
                TimeoutPolicy = GatewayRegistration.DefaultTimeoutPolicy,
                Match = new RouteMatch { Path = prefix + "/api/catalog/{**rest}", Methods = ["GET", "HEAD"] },
                Metadata = new Dictionary<string, string> { [PartnerMetadata] = hub.ToString() },
                Transforms = [new Dictionary<string, string> { ["PathRemovePrefix"] = prefix }],
            });
            clusters.Add(new ClusterConfig
            {
                ClusterId = id,
                Destinations = new Dictionary<string, DestinationConfig>
                {
                    ["gateway"] = new() { Address = partner.Gateway!.ToString() },
                },
            });
        }

        return new PartnerProxyConfig(routes, clusters);
    }

    private sealed class PartnerProxyConfig(IReadOnlyList<RouteConfig> routes, IReadOnlyList<ClusterConfig> clusters) : IProxyConfig
    {
        private readonly CancellationTokenSource _changed = new();

        public IReadOnlyList<RouteConfig> Routes => routes;

        public IReadOnlyList<ClusterConfig> Clusters => clusters;

        public IChangeToken ChangeToken => new CancellationChangeToken(_changed.Token);

        public void SignalChange() => _changed.Cancel();
    }
}
