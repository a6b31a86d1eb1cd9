using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Probes;
using Hub.TaxRefund.Application;
using Hub.TaxRefund.Consumers;
using Hub.TaxRefund.Data;
using Hub.TaxRefund.Endpoints;
using Hub.TaxRefund.Grpc;
using Hub.TaxRefund.Observability;

namespace Hub.TaxRefund;

internal static class TaxRefundRegistration
{
    public static void AddTaxRefund(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<TaxRefundDbContext>();

        // Every consumer of this service is listed here.
        builder.AddServiceMessaging(bus =>
        {
            bus.AddConsumer<ExportClearedConsumer>();
            bus.AddConsumer<ConsignmentBookedConsumer>();
            bus.AddConsumer<ShipmentDepartedConsumer>();
            bus.AddConsumer<EscrowReleasedConsumer>();
            bus.AddConsumer<PayoutMadeConsumer>();
            bus.AddConsumer<DeclarationWithdrawnConsumer>();
        });

        builder.AddServiceGrpcClient<Payment.V1.Payment.PaymentClient>("Payment");
        builder.Services.AddScoped<ClaimDesk>();
        builder.Services.AddScoped<InvoiceRegistrar>();
        builder.Services.AddHostedService<TaxRefundMetrics>();
        builder.Services.AddOptions<TaxRefundOptions>().Bind(builder.Configuration.GetSection("TaxRefund"))
            .Validate(o => HubTimeZones.AllKnown(o.TimeZones), "TaxRefund:TimeZones names a time zone this machine does not know (use IANA ids such as Asia/Shanghai).")
            .ValidateOnStart();
    }

    public static void MapTaxRefundEndpoints(this WebApplication app, ServiceIdentity identity)
    {
        app.MapProbeEndpoints(identity);
        app.MapRateEndpoints();
        app.MapInvoiceEndpoints();
        app.MapClaimEndpoints();
        app.MapGrpcService<TaxRefundGrpcService>();
    }
}
