using Hub.Payment.Application;
using Hub.Payment.Consumers;
using Hub.Payment.Data;
using Hub.Payment.Endpoints;
using Hub.Payment.Grpc;
using Hub.Payment.Jobs;
using Hub.Payment.Observability;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Probes;
using Hub.ServiceDefaults.Security;

namespace Hub.Payment;

internal static class PaymentRegistration
{
    public static void AddPayment(this WebApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PaymentDbContext>();

        // Every consumer of this service is listed here.
        builder.AddServiceMessaging(bus =>
        {
            bus.AddConsumer<SupplierSettlementConsumer>();
            bus.AddConsumer<OrderEndedConsumer>();
            bus.AddConsumer<DeliveryConsumer>();
            bus.AddConsumer<ImportClearedConsumer>();
            bus.AddConsumer<FreightBilledConsumer>();
            bus.AddConsumer<DepartureConsumer>();
            bus.AddConsumer<SupplierClawbackConsumer>();
            bus.AddConsumer<SupplierDutiesBilledConsumer>();
        });

        builder.Services.AddScoped<Ledger>();
        builder.Services.AddScoped<TermsBook>();
        builder.Services.AddScoped<RateBook>();
        builder.Services.AddScoped<QuoteDesk>();
        builder.AddServiceGrpcClient<Customs.V1.Customs.CustomsClient>("Customs");
        builder.Services.AddScoped<IPayeeScreening, CustomsPayeeScreening>();
        builder.Services.AddScoped<EscrowDesk>();
        builder.Services.AddScoped<DutiesDesk>();
        builder.Services.AddScoped<FreightDesk>();
        builder.Services.AddScoped<PartnerBills>();
        builder.Services.AddScoped<PayoutDesk>();
        builder.Services.AddScoped<WalletDesk>();
        builder.Services.AddScoped<PartnerDesk>();
        builder.Services.AddScoped<DisputeDesk>();
        builder.AddPartnerChannels();
        builder.Services.AddSingleton<RemoteDisputes>();
        builder.Services.AddHostedService<PaymentMetrics>();

        builder.Services.AddOptions<AutoReleaseOptions>().Bind(builder.Configuration.GetSection("Payment:AutoRelease"));
        if (builder.Configuration.GetValue("Payment:AutoRelease:Enabled", true))
        {
            builder.Services.AddHostedService<AutoReleaseService>();
        }

        builder.Services.AddScoped<LedgerCheckpointer>();
        builder.Services.AddOptions<LedgerCheckpointOptions>().Bind(builder.Configuration.GetSection("Payment:LedgerCheckpoint"));
        if (builder.Configuration.GetValue("Payment:LedgerCheckpoint:Enabled", true))
        {
            builder.Services.AddHostedService<LedgerCheckpointService>();
        }
    }

    public static void MapPaymentEndpoints(this WebApplication app, ServiceIdentity identity)
    {
        app.MapProbeEndpoints(identity);
        app.MapFxRateEndpoints();
        app.MapQuoteEndpoints();
        app.MapTermsEndpoints();
        app.MapWalletEndpoints();
        app.MapPartnerEndpoints();
        app.MapEscrowEndpoints();
        app.MapDisputeEndpoints();
        app.MapLedgerEndpoints();
        app.MapGrpcService<PaymentGrpcService>();
        app.MapGrpcService<PartnerDisputesGrpcService>().RequireAuthorization(HubPolicies.PartnerHub);
    }
}
