using Hub.Order.Application;
using Hub.Order.Consumers;
using Hub.Order.Data;
using Hub.Order.Endpoints;
using Hub.Order.Grpc;
using Hub.Order.Observability;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Probes;
using Hub.ServiceDefaults.Security;
using Microsoft.Extensions.Options;

namespace Hub.Order;

internal static class OrderRegistration
{
    public static void AddOrder(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<OrderDbContext>();
        builder.Services.AddOptions<OrderOptions>().Bind(builder.Configuration.GetSection(OrderOptions.Section)).ValidateOnStart();
        builder.Services.AddOptions<TimelineStreamOptions>().Bind(builder.Configuration.GetSection(TimelineStreamOptions.Section));
        builder.Services.AddSingleton<IValidateOptions<OrderOptions>, OrderOptionsValidator>();
        builder.AddServiceGrpcClient<Catalog.V1.Catalog.CatalogClient>("Catalog");
        builder.AddServiceGrpcClient<Payment.V1.Payment.PaymentClient>("Payment");
        builder.AddServiceGrpcClient<Customs.V1.Customs.CustomsClient>("Customs");
        builder.AddServiceGrpcClient<Logistics.V1.Logistics.LogisticsClient>("Logistics");
        builder.AddPartnerChannels();
        builder.Services.AddScoped<HubClients>();
        builder.Services.AddScoped<CartPricer>();
        builder.Services.AddScoped<CheckoutBook>();
        builder.Services.AddScoped<OrderPlacementDesk>();
        builder.Services.AddScoped<OrderDesk>();
        builder.Services.AddSingleton<PartnerOrders>();
        builder.Services.AddScoped<OrderProcess>();
        builder.Services.AddSingleton<OrderSweeper>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OrderSweeper>());
        builder.Services.AddHostedService<OrderMetrics>();
        builder.Services.AddSingleton<ThisInstance>();
        builder.Services.AddSingleton<InstanceBeat>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<InstanceBeat>());

        // Every consumer of this service is listed here.
        builder.AddServiceMessaging(bus => bus.AddConsumer<OrderEventsConsumer>());
    }

    public static void MapOrderEndpoints(this WebApplication app, ServiceIdentity identity)
    {
        app.MapProbeEndpoints(identity);
        app.MapCheckoutEndpoints();
        app.MapOrdersEndpoints();
        app.MapMandateEndpoints();
        app.MapBuyerEndpoints();
        app.MapGrpcService<OrderGrpcService>();
        app.MapGrpcService<OrderPlacementGrpcService>().RequireAuthorization(HubPolicies.PartnerHub);
    }
}
