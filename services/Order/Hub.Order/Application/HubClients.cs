using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Net.Client;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Options;
using CatalogClient = Hub.Catalog.V1.Catalog.CatalogClient;
using CustomsClient = Hub.Customs.V1.Customs.CustomsClient;
using LogisticsClient = Hub.Logistics.V1.Logistics.LogisticsClient;

namespace Hub.Order.Application;

/// <summary>
/// The catalog, customs and logistics of a given hub: this hub's own services directly, a partner hub's through
/// that partner's gateway (gRPC, signed as this hub).
/// </summary>
internal sealed class HubClients(
    ServiceIdentity identity,
    CatalogClient catalog,
    CustomsClient customs,
    LogisticsClient logistics,
    PartnerChannels partners)
{
    public HubId Self => identity.Hub;

    public bool IsReachable(HubId hub) => hub == Self || partners.IsReachable(hub);

    public CatalogClient Catalog(HubId hub) => hub == Self ? catalog : new CatalogClient(partners.For(hub));

    public CustomsClient Customs(HubId hub) => hub == Self ? customs : new CustomsClient(partners.For(hub));

    public LogisticsClient Logistics(HubId hub) => hub == Self ? logistics : new LogisticsClient(partners.For(hub));
}

/// <summary>One signed gRPC channel per partner hub gateway, kept for the process's life.</summary>
internal sealed class PartnerChannels(ServiceIdentity identity, IOptionsMonitor<PartnerRegistry> registry, TimeProvider clock) : IDisposable
{
    private readonly ConcurrentDictionary<(HubId, Uri), GrpcChannel> _channels = new();

    public bool IsReachable(HubId hub) =>
        registry.CurrentValue.TryFind(hub, out var partner) && partner.GatewayGrpc is not null && partner.Secret.Length > 0;

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

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }
    }
}
