using Hub.Contracts.Values;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Hosting;
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
