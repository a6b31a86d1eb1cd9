using Hub.Customs.Application;
using Hub.Customs.Data;
using Hub.Customs.Endpoints;
using Hub.Customs.Grpc;
using Hub.Customs.Observability;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Probes;

namespace Hub.Customs;

internal static class CustomsRegistration
{
    public static void AddCustoms(this WebApplicationBuilder builder)
    {
        // Partner hubs lodge and withdraw declarations here only for their own orders.
        builder.Services.AddPartnerOrderScope<CustomsGrpcService>();
        builder.AddServiceDatabase<CustomsDbContext>();
        builder.Services.AddOptions<CustomsOptions>().Bind(builder.Configuration.GetSection("Customs"))
            .Validate(o => HubTimeZones.AllKnown(o.TimeZones), "Customs:TimeZones names a time zone this machine does not know (use IANA ids such as Asia/Seoul).")
            .ValidateOnStart();
        builder.Services.AddSingleton<CustomsCalendar>();
        builder.Services.AddScoped<ReferenceDataReader>();
        builder.Services.AddScoped<PartyScreening>();
        builder.Services.AddScoped<DeclarationService>();
        builder.Services.AddSingleton<CustomsMetrics>();
        builder.Services.AddHostedService<DeclarationMetrics>();

        // Every consumer of this service is listed here.
        builder.AddServiceMessaging();
    }

    public static void MapCustomsEndpoints(this WebApplication app, ServiceIdentity identity)
    {
        app.MapProbeEndpoints(identity);
        app.MapTariffEndpoints();
        app.MapRegimeEndpoints();
        app.MapPreferentialRateEndpoints();
        app.MapFxRateEndpoints();
        app.MapScreeningEndpoints();
        app.MapDeclarationEndpoints();
        app.MapGrpcService<CustomsGrpcService>();
    }
}
