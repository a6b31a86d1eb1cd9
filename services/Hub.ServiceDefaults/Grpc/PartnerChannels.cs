using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>
/// One gRPC channel per partner hub gateway, every call signed as this hub, kept for the process's life. A service
/// calls a partner's services only through these (the gateway decides which methods a partner reaches).
/// </summary>
public sealed class PartnerChannels(ServiceIdentity identity, IOptionsMonitor<PartnerRegistry> registry, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<(HubId, Uri), GrpcChannel> _channels = new();

    /// <summary>True if <paramref name="hub"/> is a partner with a gateway gRPC address and a shared secret.</summary>
    public bool IsReachable(HubId hub) =>
        registry.CurrentValue.TryFind(hub, out var partner) && partner.GatewayGrpc is not null && partner.Secret.Length > 0;

    /// <summary>A call invoker for the partner's gateway.</summary>
    /// <exception cref="RpcException">UNAVAILABLE: the hub is no partner with a gateway gRPC address.</exception>
    public CallInvoker For(HubId hub)
    {
        if (!registry.CurrentValue.TryFind(hub, out var partner) || partner.GatewayGrpc is null)
        {
            throw new RpcException(new Status(StatusCode.Unavailable, $"Hub {hub} is not a partner with a gateway gRPC address (Partners:{hub}:GatewayGrpc)."));
        }

        return _channels.GetOrAdd((hub, partner.GatewayGrpc), key => GrpcChannel.ForAddress(key.Item2, new GrpcChannelOptions
        {
            HttpHandler = new PartnerRequestSigner(identity.Hub, key.Item1, registry, clock) { InnerHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } },
        })).CreateCallInvoker();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}
