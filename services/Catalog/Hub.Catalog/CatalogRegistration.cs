using Hub.Catalog.Data;
using Hub.Catalog.Endpoints;
using Hub.Catalog.Grpc;
using Hub.Catalog.Stock;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Probes;

namespace Hub.Catalog;

internal static class CatalogRegistration
{
    public static void AddCatalog(this WebApplicationBuilder builder)
    {
        // Partner hubs reserve, release and commit stock here only for their own orders.
        builder.Services.AddPartnerOrderScope<CatalogGrpcService>();
        builder.AddServiceDatabase<CatalogDbContext>(StatementPlanning.PerExecution);
        builder.Services.AddOptions<CatalogOptions>().Bind(builder.Configuration.GetSection(CatalogOptions.Section));
        builder.Services.AddScoped<StockLedger>();
        builder.Services.AddSingleton<ReservationBatcher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ReservationBatcher>());
        builder.Services.AddScoped<ProductQuotes>();
        builder.Services.AddOpenApi("catalog");

        // Every consumer of this service is listed here.
        builder.AddServiceMessaging();
    }

    public static void MapCatalogEndpoints(this WebApplication app, ServiceIdentity identity)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapProbeEndpoints(identity);
        app.MapSupplierEndpoints();
        app.MapProductEndpoints();
        app.MapProductQueryEndpoints();
        app.MapGrpcService<CatalogGrpcService>();
    }
}
