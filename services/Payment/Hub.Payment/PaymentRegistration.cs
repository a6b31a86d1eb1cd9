using Hub.Payment.Data;
using Hub.Payment.Grpc;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Probes;

namespace Hub.Payment;

internal static class PaymentRegistration
{
    public static void AddPayment(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PaymentDbContext>();

        // Every consumer of this service is listed here.
        builder.AddServiceMessaging();
    }

    public static void MapPaymentEndpoints(this WebApplication app, ServiceIdentity identity)
    {
        app.MapProbeEndpoints(identity);
        app.MapGrpcService<PaymentGrpcService>();
    }
}
