using Hub.TaxRefund.Data;
using Hub.TaxRefund.Grpc;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Probes;

namespace Hub.TaxRefund;

internal static class TaxRefundRegistration
{
    public static void AddTaxRefund(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TaxRefundDbContext>();

        // Every consumer of this service is listed here.
        builder.AddServiceMessaging();
    }

    public static void MapTaxRefundEndpoints(this WebApplication app, ServiceIdentity identity)
    {
        app.MapProbeEndpoints(identity);
        app.MapGrpcService<TaxRefundGrpcService>();
    }
}
