using Yarp.ReverseProxy.Configuration;

namespace Hub.Gateway.Routing;

/// <summary>
/// Resolves symbolic destination addresses such as <c>service://tax-refund/grpc</c> from the hub configuration
/// (<c>Services:TaxRefund:Grpc</c>), so each port is written once, in the hub file, and the route table is the same
/// for every hub. Other addresses pass through unchanged.
/// </summary>
internal sealed class ServiceAddressFilter(IConfiguration configuration) : IProxyConfigFilter
{
    private const string Prefix = "service://";

    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        if (cluster.Destinations is not { Count: > 0 } destinations)
        {
            return ValueTask.FromResult(cluster);
        }

        var resolved = destinations.ToDictionary(
            d => d.Key,
            d => d.Value with
            {
                Address = Resolve(cluster.ClusterId, d.Key, d.Value.Address),
                Health = d.Value.Health is null ? null : Resolve(cluster.ClusterId, d.Key, d.Value.Health),
            },
            StringComparer.OrdinalIgnoreCase);
        return ValueTask.FromResult(cluster with { Destinations = resolved });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);

    private string Resolve(string clusterId, string destinationId, string address)
    {
        if (!address.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return address;
        }

        var parts = address[Prefix.Length..].Split('/');
        if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidOperationException(
                $"Cluster '{clusterId}' destination '{destinationId}' has the address '{address}'; expected {Prefix}<service>/<endpoint>, e.g. {Prefix}catalog/grpc.");
        }

        var key = $"Services:{ToPascalCase(parts[0])}:{ToPascalCase(parts[1])}";
        return configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"Cluster '{clusterId}' destination '{destinationId}' refers to '{address}', but the hub configuration has no '{key}'.");
    }

    // The hub file names services in Pascal case (TaxRefund); addresses use the kebab-case service name (tax-refund).
    private static string ToPascalCase(string kebab) =>
        string.Concat(kebab.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
}
