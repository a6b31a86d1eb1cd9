using Grpc.Net.Client.Balancer;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;

namespace Hub.ServiceDefaults.Grpc;

/// <summary>Typed gRPC clients to the hub's other services, with deadlines and the resilience pipeline.</summary>
public static class GrpcClientRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TClient"/> for the service whose address is <c>Services:&lt;service&gt;:Grpc</c>.
    /// One pipeline (and so one circuit breaker and one concurrency limit) is shared by all calls to that service.
    /// </summary>
    public static IHttpClientBuilder AddServiceGrpcClient<TClient>(this IHostApplicationBuilder builder, string service)
        where TClient : class
    {
        builder.AddClientOptions();
        var key = $"grpc:{service}";
        builder.Services.AddResiliencePipeline(key, (pipeline, context) => pipeline.AddPipeline(GrpcResilience.Build(
            context.ServiceProvider.GetRequiredService<IOptions<GrpcClientOptions>>().Value,
            service,
            context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(GrpcClientRegistration)),
            context.ServiceProvider.GetRequiredService<CallLimits>())));

        // Read as the client is made: configuration may still change until the host is built (test hosts do so).
        Uri AddressOf(IServiceProvider services) => new(
            services.GetRequiredService<IConfiguration>()[$"Services:{service}:Grpc"]
            ?? throw new InvalidOperationException($"Services:{service}:Grpc is not configured."));

        return builder.Services
            .AddGrpcClient<TClient>((services, o) => o.Address = ServiceAddresses.ChannelAddress(AddressOf(services)))
            .ConfigureChannel((services, channel) => ServiceAddresses.Configure(AddressOf(services), channel))
            .AddInterceptor(InterceptorScope.Client, sp => new ResilienceInterceptor(
                sp.GetRequiredService<ResiliencePipelineProvider<string>>().GetPipeline(key),
                sp.GetRequiredService<IOptions<GrpcClientOptions>>().Value.AttemptDeadline,
                sp.GetService<TimeProvider>() ?? TimeProvider.System,
                service));
    }

    /// <summary>
    /// Registers <see cref="PartnerChannels"/>: calls to partner hubs, with the same deadlines and resilience policy
    /// (<c>Grpc:Client</c>) as the calls to this hub's services, and a circuit breaker per partner hub.
    /// </summary>
    public static IHostApplicationBuilder AddPartnerChannels(this IHostApplicationBuilder builder)
    {
        builder.AddClientOptions();
        builder.Services.AddSingleton<PartnerChannels>();
        return builder;
    }

    // Grpc:Client, checked as the process starts (a limit of no calls at once would leave every call waiting), and the
    // gauges of the targets' concurrency limits.
    private static void AddClientOptions(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<CallLimits>();
        builder.Services.TryAddSingleton<ResolverFactory>(sp => new DnsResolverFactory(sp.GetRequiredService<IOptions<GrpcClientOptions>>().Value.AddressRefresh));
        builder.Services.AddOptions<GrpcClientOptions>().Bind(builder.Configuration.GetSection("Grpc:Client"))
            .Validate(o => o.AddressRefresh > TimeSpan.Zero, "Grpc:Client:AddressRefresh must be positive.")
            .Validate(o => o.MinConcurrentCalls >= 1 && o.InitialConcurrentCalls >= o.MinConcurrentCalls && o.MaxConcurrentCalls >= o.InitialConcurrentCalls && o.MaxQueuedCalls >= 0,
                "Grpc:Client needs 1 <= MinConcurrentCalls <= InitialConcurrentCalls <= MaxConcurrentCalls and MaxQueuedCalls >= 0.")
            .ValidateOnStart();
    }
}
