using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>
/// One gRPC channel per partner hub gateway, every call signed as this hub, kept for the process's life. A service
/// calls a partner's services only through these (the gateway decides which methods a partner reaches). Every unary
/// call has the attempt deadline, retries and total timeout of <c>Grpc:Client</c>, and each partner hub has a circuit
/// breaker of its own: a hub that keeps failing is left alone for a while, and the others are not.
/// </summary>
public sealed class PartnerChannels(
    ServiceIdentity identity, IOptionsMonitor<PartnerRegistry> registry, IOptions<GrpcClientOptions> options, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<(HubId, Uri), GrpcChannel> _channels = new();
    private readonly ConcurrentDictionary<HubId, ResilienceInterceptor> _resilience = new();

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

        var channel = _channels.GetOrAdd((hub, partner.GatewayGrpc), key => GrpcChannel.ForAddress(key.Item2, new GrpcChannelOptions
        {
            HttpHandler = new PartnerRequestSigner(identity.Hub, key.Item1, registry, clock) { InnerHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } },
        }));
        return channel.Intercept(_resilience.GetOrAdd(hub, h => new ResilienceInterceptor(
            GrpcResilience.Build(options.Value), options.Value.AttemptDeadline, clock, $"hub {h}")));
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
