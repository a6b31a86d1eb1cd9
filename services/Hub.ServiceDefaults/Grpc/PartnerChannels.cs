using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>
/// One gRPC channel per partner hub gateway, every call signed as this hub, kept for the process's life (its
/// connections are renewed every <c>Grpc:Client:PartnerConnectionLifetime</c>, so that a gateway's replicas behind a
/// load balancer share the calls). A service
/// calls a partner's services only through these (the gateway decides which methods a partner reaches). Every unary
/// call has the attempt deadline, retries and total timeout of <c>Grpc:Client</c>, and each service of each partner
/// hub has a circuit breaker and a concurrency limit of its own: one that keeps failing (a hub's customs down) is left
/// alone for a while, one that is swamped gets fewer calls at once, and the others (that hub's catalog, other hubs) go
/// on as before.
/// </summary>
public sealed class PartnerChannels(
    ServiceIdentity identity,
    IOptionsMonitor<PartnerRegistry> registry,
    IOptions<GrpcClientOptions> options,
    TimeProvider clock,
    ILogger<PartnerChannels>? logger = null,
    CallLimits? limits = null) : IDisposable
{
    private readonly ConcurrentDictionary<(HubId, Uri), GrpcChannel> _channels = new();
    private readonly ConcurrentDictionary<(HubId Hub, string Service), ResilienceInterceptor> _resilience = new();

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
            HttpHandler = new PartnerRequestSigner(identity.Hub, key.Item1, registry, clock)
            {
                InnerHandler = new SocketsHttpHandler
                {
                    EnableMultipleHttp2Connections = true,
                    PooledConnectionLifetime = options.Value.PartnerConnectionLifetime,
                    // A connection a load balancer or the network dropped silently is noticed, not waited on.
                    KeepAlivePingDelay = TimeSpan.FromSeconds(30),
                    KeepAlivePingTimeout = TimeSpan.FromSeconds(10),
                    KeepAlivePingPolicy = HttpKeepAlivePingPolicy.WithActiveRequests,
                },
            },
        }));
        return channel.Intercept(new PerService(service => _resilience.GetOrAdd((hub, service), key =>
        {
            var target = $"{ShortName(key.Service)} of hub {key.Hub}";
            return new ResilienceInterceptor(GrpcResilience.Build(options.Value, target, logger, limits), options.Value.AttemptDeadline, clock, target);
        })));
    }

    // "hub.customs.v1.Customs" reads as "Customs".
    private static string ShortName(string service) => service[(service.LastIndexOf('.') + 1)..];

    /// <summary>Hands each call to the resilience of the service it calls.</summary>
    private sealed class PerService(Func<string, ResilienceInterceptor> of) : Interceptor
    {
        public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
            of(context.Method.ServiceName).AsyncUnaryCall(request, context, continuation);

        public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
            TRequest request, ClientInterceptorContext<TRequest, TResponse> context, AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
            of(context.Method.ServiceName).AsyncServerStreamingCall(request, context, continuation);
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
