using Hub.Logistics.Booking;
using Hub.Logistics.Data;
using Hub.Logistics.Domain.Planning;
using Hub.Logistics.Endpoints;
using Hub.Logistics.Grpc;
using Hub.Logistics.Pools;
using Hub.Logistics.Tracking;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Probes;
using Microsoft.Extensions.Options;

namespace Hub.Logistics;

internal static class LogisticsRegistration
{
    public static void AddLogistics(this WebApplicationBuilder builder)
    {
        // Partner hubs book and cancel consignments here only for their own orders.
        builder.Services.AddPartnerOrderScope<LogisticsGrpcService>();
        builder.AddServiceDatabase<LogisticsDbContext>();

        // Every consumer of this service is listed here.
        builder.AddServiceMessaging();

        builder.Services.AddOptions<PoolOptions>().Bind(builder.Configuration.GetSection("Logistics:Pools"));
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PoolOptions>>().Value;
            return new ConsolidationPlanner(new PlannerOptions(options.PlannerTimeLimit, options.ExactSearchMaxItems));
        });
        builder.Services.AddSingleton<PlanMetrics>();
        builder.Services.AddScoped<PoolCloser>();
        builder.Services.AddScoped<ConsignmentBooking>();
        builder.Services.AddScoped<ConsignmentCancellation>();
        builder.Services.AddScoped<TrackingRecorder>();
        builder.Services.AddHostedService<PoolCutOffService>();
    }

    public static void MapLogisticsEndpoints(this WebApplication app, ServiceIdentity identity)
    {
        app.MapProbeEndpoints(identity);
        app.MapLaneEndpoints();
        app.MapConsignmentEndpoints();
        app.MapPoolEndpoints();
        app.MapShipmentEndpoints();
        app.MapGrpcService<LogisticsGrpcService>();
    }
}
