using Hub.Order.Data;
using Hub.Order.Grpc;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Probes;

namespace Hub.Order;

internal static class OrderRegistration
{
    public static void AddOrder(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<OrderDbContext>();

        // Every consumer of this service is listed here.
        builder.AddServiceMessaging();
    }

    public static void MapOrderEndpoints(this WebApplication app, ServiceIdentity identity)
    {
        app.MapProbeEndpoints(identity);
        app.MapGrpcService<OrderGrpcService>();
    }
}
