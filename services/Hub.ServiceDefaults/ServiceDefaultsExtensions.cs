using Hub.Contracts.Values;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Health;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Observability;
using Hub.ServiceDefaults.Problems;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.ServiceDefaults;

/// <summary>What every Hub process (the six services and the gateway) has in common.</summary>
public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// Identity (hub id from <c>Hub:Id</c>), the hub configuration file, Kestrel's REST (HTTP/1.1) and gRPC (h2c)
    /// endpoints from <c>Services:&lt;Name&gt;</c>, OpenTelemetry, bearer-token security, health checks, problem details and gRPC
    /// (whose requests pass <see cref="NulTextGuard"/>).
    /// </summary>
    public static ServiceIdentity AddServiceDefaults(this WebApplicationBuilder builder, string service)
    {
        builder.Configuration.AddHubConfigurationFile();
        var hub = builder.Configuration["Hub:Id"] ?? throw new InvalidOperationException("Hub:Id is not configured (e.g. KR).");
        var identity = new ServiceIdentity(HubId.Parse(hub), service);
        builder.Host.Properties[typeof(ServiceIdentity)] = identity;
        builder.Services.AddSingleton(identity);
        builder.Services.AddSingleton<TimeProvider>(new MicrosecondClock(TimeProvider.System));

        KestrelEndpoints.Configure(builder.WebHost, builder.Configuration, identity.ConfigurationName);
        builder.AddHubTelemetry(identity);
        builder.Services.AddHubProblemDetails();
        builder.AddHubSecurity(identity);
        builder.Services.AddHealthChecks();
        // Readiness is logged when it changes (HealthTransitionLog), not at every probe: a process starting is not an error.
        builder.Services.AddSingleton<IHealthCheckPublisher, HealthTransitionLog>();
        builder.Services.Configure<HealthCheckPublisherOptions>(o =>
        {
            o.Delay = TimeSpan.FromSeconds(1);
            o.Period = HealthTransitionLog.Period;
            o.Predicate = r => r.Tags.Contains(HealthTags.Ready);
        });
        builder.Logging.AddFilter(HealthTransitionLog.ProbeLogCategory, LogLevel.None);
        builder.Services.AddGrpc(o =>
        {
            // Outermost first: every refusal, the guards' included, leaves through the message limit.
            o.Interceptors.Add<StatusDetailLimit>();
            o.Interceptors.Add<NulTextGuard>();
            o.Interceptors.Add<DatabaseOutageStatus>();
        });
        builder.Services.AddGrpcHealthChecks(o => o.Services.Map("", r => r.Tags.Contains(HealthTags.Ready)));
        return identity;
    }

    /// <summary>The identity registered by <see cref="AddServiceDefaults"/>.</summary>
    public static ServiceIdentity GetServiceIdentity(this IHostApplicationBuilder builder) =>
        builder.Properties.TryGetValue(typeof(ServiceIdentity), out var identity)
            ? (ServiceIdentity)identity
            : throw new InvalidOperationException("Call AddServiceDefaults first.");

    /// <summary>Problem details for errors, <c>/health/live</c>, <c>/health/ready</c>, <c>/metrics</c> and gRPC health.</summary>
    /// <param name="app">The process.</param>
    /// <param name="refuseNulText">
    /// Whether requests whose query or JSON body carries NUL are refused (<see cref="NulCharacterGuard"/>), after
    /// authentication: yes for a service, which stores what it is sent; the gateway passes bodies on to the services.
    /// </param>
    public static WebApplication MapDefaultEndpoints(this WebApplication app, bool refuseNulText = true)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();
        if (refuseNulText)
        {
            app.UseMiddleware<NulCharacterGuard>();
        }

        app.MapHealthEndpoints();
        app.MapPrometheusScrapingEndpoint("/metrics");
        app.MapGrpcHealthChecksService();
        return app;
    }
}
