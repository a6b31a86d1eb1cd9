using Hub.Catalog.Data;
using Hub.Catalog.Grpc;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Probes;

namespace Hub.Catalog;

internal static class CatalogRegistration
{
    public static void AddCatalog(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CatalogDbContext>();

        // Every consumer of this service is listed here.
        builder.AddServiceMessaging();
    }

    public static void MapCatalogEndpoints(this WebApplication app, ServiceIdentity identity)
    {
        app.MapProbeEndpoints(identity);
        app.MapGrpcService<CatalogGrpcService>();
    }
}
