using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Hub.ServiceDefaults.Observability;

internal static class Telemetry
{
    private const string MassTransitSource = "MassTransit";

    // Seconds; messaging latency lives between a millisecond and a few seconds.
    private static readonly double[] LatencyBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    public static void AddHubTelemetry(this IHostApplicationBuilder builder, ServiceIdentity identity)
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.IncludeScopes = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ ";
        });
        builder.Logging.AddOpenTelemetry(o =>
        {
            o.IncludeFormattedMessage = true;
            o.IncludeScopes = true;
        });

        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r
                .AddService(identity.QualifiedName, serviceNamespace: "hub", serviceInstanceId: $"{identity.Hub}-{identity.Service}-{Environment.ProcessId}")
                .AddAttributes([new("hub.id", identity.Hub.ToString())]))
            .WithMetrics(m => m
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(identity.QualifiedName, MessagingTelemetry.Name, CallLimits.MeterName, MassTransitSource, "Npgsql")
                .AddView("hub.outbox.lag", new ExplicitBucketHistogramConfiguration { Boundaries = LatencyBuckets })
                .AddPrometheusExporter())
            .WithTracing(t => t
                .AddSource(identity.QualifiedName, MessagingTelemetry.Name, MassTransitSource)
                .AddAspNetCoreInstrumentation(o => o.Filter = IsBusinessRequest)
                .AddHttpClientInstrumentation()
                .AddGrpcClientInstrumentation()
                .AddNpgsql());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            otel.UseOtlpExporter();
        }

        builder.Services.AddSingleton(sp => new ServiceMetrics(sp.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), identity));
    }

    // Probes and scrapes would drown the traces operators look for.
    private static bool IsBusinessRequest(HttpContext context) =>
        !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments("/metrics");
}
