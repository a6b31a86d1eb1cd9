using Grpc.Core;
using Grpc.Net.Client;
using Grpc.Net.Client.Configuration;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>
/// Where a client's calls to one of the hub's services go. A service named by an IP address (or <c>localhost</c>) is
/// that one process. A service named by host name may run as several instances behind the name (a cluster's service,
/// each of whose instances the name resolves to): one HTTP/2 connection would carry every call to the first instance
/// it reached, so the client resolves the name itself and spreads its calls over every address, round robin, looking
/// the name up again every <see cref="GrpcClientOptions.AddressRefresh"/>.
/// </summary>
public static class ServiceAddresses
{
    /// <summary>The channel's address: the service's own, or <c>dns:///host:port</c> for a name to resolve.</summary>
    /// <param name="address">The service's gRPC address as the hub file names it.</param>
    public static Uri ChannelAddress(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return IsName(address) ? new Uri($"dns:///{address.Host}:{address.Port}") : address;
    }

    /// <summary>For a name to resolve: plaintext HTTP/2 (as the address's <c>http:</c> said) and round robin.</summary>
    /// <param name="address">The service's gRPC address as the hub file names it.</param>
    /// <param name="channel">The channel's options.</param>
    public static void Configure(Uri address, GrpcChannelOptions channel)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(channel);
        if (!IsName(address))
        {
            return;
        }

        channel.Credentials = address.Scheme == Uri.UriSchemeHttps ? ChannelCredentials.SecureSsl : ChannelCredentials.Insecure;
        channel.ServiceConfig = new ServiceConfig { LoadBalancingConfigs = { new RoundRobinConfig() } };
    }

    /// <summary>
    /// Whether the address names its service by host name, which may stand for several instances (a cluster's
    /// service); an IP address or <c>localhost</c> is one process. Where the service listens and where the gateway
    /// sends follow the same rule.
    /// </summary>
    /// <param name="address">A service's address as the hub file names it.</param>
    public static bool IsName(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        return address.HostNameType == UriHostNameType.Dns && !address.IsLoopback;
    }
}
