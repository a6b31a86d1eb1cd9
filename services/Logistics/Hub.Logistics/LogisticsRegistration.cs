using Hub.Logistics.Data;
using Hub.Logistics.Grpc;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Probes;

namespace Hub.Logistics;

internal static class LogisticsRegistration
{
    public static void AddLogistics(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<LogisticsDbContext>();

        // Every consumer of this service is listed here.
        builder.AddServiceMessaging();
    }

    public static void MapLogisticsEndpoints(this WebApplication app, ServiceIdentity identity)
    {
        app.MapProbeEndpoints(identity);
        app.MapGrpcService<LogisticsGrpcService>();
    }
}
