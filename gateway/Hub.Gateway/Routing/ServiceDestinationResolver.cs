using System.Net;
using System.Net.Sockets;
using Hub.ServiceDefaults.Grpc;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace Hub.Gateway.Routing;

/// <summary>
/// Where each cluster's destinations are. A symbolic address such as <c>service://tax-refund/grpc</c> is the hub
/// configuration's <c>Services:TaxRefund:Grpc</c>, so each port is written once, in the hub file, and the route table is
/// the same for every hub. An address by host name (<c>http://catalog:8081</c>, a cluster's service) may stand for
/// several instances: it becomes one destination per address the name resolves to, called by the name (its Host), so
/// that calls spread over the instances — HTTP/2 would otherwise carry every gRPC call over the one connection to the
/// first instance reached — and it is looked up again every <see cref="GatewayOptions.AddressRefresh"/>. A name that
/// does not resolve yet (its instances not started) stays one destination by name, looked up again as it is called.
/// </summary>
internal sealed partial class ServiceDestinationResolver(IConfiguration configuration, IOptionsMonitor<GatewayOptions> options, ILogger<ServiceDestinationResolver> logger)
    : IDestinationResolver
{
    private const string Prefix = "service://";

    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        var named = false;
        foreach (var (id, destination) in destinations)
        {
            var given = destination with
            {
                Address = FromHubFile(id, destination.Address),
                Health = destination.Health is null ? null : FromHubFile(id, destination.Health),
            };
            var address = new Uri(given.Address);
            if (!ServiceAddresses.IsName(address))
            {
                resolved[id] = given;
                continue;
            }

            named = true;
            var instances = await LookUpAsync(address.DnsSafeHost, cancellationToken);
            if (instances.Length == 0)
            {
                resolved[id] = given;
                continue;
            }

            var health = given.Health is null ? null : new Uri(given.Health);
            foreach (var instance in instances)
            {
                resolved[$"{id}@{instance}"] = given with
                {
                    Address = At(address, instance),
                    Health = health is null || health.Host != address.Host ? given.Health : At(health, instance),
                    Host = destination.Host ?? address.Authority,
                };
            }
        }

        var refresh = named ? new CancellationChangeToken(new CancellationTokenSource(options.CurrentValue.AddressRefresh).Token) : null;
        return new ResolvedDestinationCollection(resolved, refresh);
    }

    private async Task<IPAddress[]> LookUpAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            // A link-local address needs its interface, which an address by URI does not say.
            return [.. (await Dns.GetHostAddressesAsync(name, cancellationToken)).Where(a => !a.IsIPv6LinkLocal)];
        }
        catch (SocketException ex)
        {
            LogNotResolved(ex, name);
            return [];
        }
    }

    private static string At(Uri address, IPAddress instance) => new UriBuilder(address) { Host = instance.ToString() }.Uri.ToString();

    private string FromHubFile(string destinationId, string address)
    {
        if (!address.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return address;
        }

        var parts = address[Prefix.Length..].Split('/');
        if (parts.Length != 2 || parts.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidOperationException(
                $"Destination '{destinationId}' has the address '{address}'; expected {Prefix}<service>/<endpoint>, e.g. {Prefix}catalog/grpc.");
        }

        var key = $"Services:{ToPascalCase(parts[0])}:{ToPascalCase(parts[1])}";
        return configuration[key] is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"Destination '{destinationId}' refers to '{address}', but the hub configuration has no '{key}'.");
    }

    // The hub file names services in Pascal case (TaxRefund); addresses use the kebab-case service name (tax-refund).
    private static string ToPascalCase(string kebab) =>
        string.Concat(kebab.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Name} does not resolve; called by its name until it does")]
    private partial void LogNotResolved(Exception exception, string name);
}
