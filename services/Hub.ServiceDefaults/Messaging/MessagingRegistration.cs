using Hub.ServiceDefaults.Messaging.Federation;
using Hub.ServiceDefaults.Messaging.Inbox;
using Hub.ServiceDefaults.Probes;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Messaging;

/// <summary>MassTransit on the hub's RabbitMQ virtual host, with the shared outbox, inbox and redelivery.</summary>
public static class MessagingRegistration
{
    /// <summary>
    /// Registers the bus. Every consumer runs inside: immediate retries with exponential backoff, then delayed
    /// redelivery through the outbox → inbox transaction → consumer; what still fails lands in the <c>_error</c> queue.
    /// A consumer sees a partner hub's copy of a message only if it is marked <see cref="TakesPartnerMessagesAttribute"/>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceMessaging(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator>? consumers = null) =>
        builder.AddBus(bus =>
        {
            bus.AddConsumer<ServiceProbedConsumer>();
            consumers?.Invoke(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                endpoint.UseConsumeFilter(typeof(RetryFilter<>), context);
                endpoint.UseConsumeFilter(typeof(InboxFilter<>), context);
            });
        });

    /// <summary>The bus without consumers, for a process that only publishes (the gateway, for partner hubs' messages).</summary>
    public static IHostApplicationBuilder AddPublishingMessaging(this IHostApplicationBuilder builder) => builder.AddBus(_ => { });

    private static IHostApplicationBuilder AddBus(this IHostApplicationBuilder builder, Action<IBusRegistrationConfigurator> configure)
    {
        var identity = builder.GetServiceIdentity();
        builder.Services.AddOptions<MessagingOptions>()
            .Bind(builder.Configuration.GetSection("Messaging"))
            .PostConfigure(o =>
            {
                if (o.Redelivery.Length == 0)
                {
                    o.Redelivery = MessagingOptions.DefaultRedelivery;
                }
            })
            .Validate(o => o.QueueType is MessagingOptions.ClassicQueues or MessagingOptions.QuorumQueues,
                $"Messaging:QueueType is '{MessagingOptions.ClassicQueues}' or '{MessagingOptions.QuorumQueues}'.")
            .Validate(o => o.QuorumReplicas is null or >= 1, "Messaging:QuorumReplicas is at least 1 when given.")
            .ValidateOnStart();

        FilterBusLog(builder.Services);
        builder.Services.AddMassTransit(bus =>
        {
            bus.DisableUsageTelemetry();
            bus.SetEndpointNameFormatter(new KebabCaseEndpointNameFormatter(identity.Service + "-", includeNamespace: false));
            configure(bus);
            bus.AddConfigureEndpointsCallback((context, _, endpoint) =>
            {
                var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                if (options.QueueType == MessagingOptions.QuorumQueues && endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
                {
                    rabbit.SetQuorumQueue(options.QuorumReplicas);
                }
            });

            bus.UsingRabbitMq((context, rabbit) =>
            {
                var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                rabbit.Host(options.Host, options.Port, options.VirtualHost, host =>
                {
                    host.Username(options.Username);
                    host.Password(options.Password);
                    host.ConnectionName($"{identity.Hub}-{identity.Service}");
                });
                if (options.QueueType == MessagingOptions.QuorumQueues)
                {
                    // A failed message's copy goes where its queue's kind says: replicated too.
                    rabbit.SendTopology.ConfigureErrorSettings = queue => queue.SetQuorumQueue(options.QuorumReplicas);
                    rabbit.SendTopology.ConfigureDeadLetterSettings = queue => queue.SetQuorumQueue(options.QuorumReplicas);
                }

                rabbit.PrefetchCount = options.PrefetchCount;
                rabbit.ConcurrentMessageLimit = options.ConcurrentMessageLimit;
                rabbit.ConnectConsumerConfigurationObserver(new PartnerCopyGuard(context.GetRequiredService<ILoggerFactory>()));

                rabbit.ConfigureEndpoints(context);
            });
        });
        return builder;
    }

    /// <summary>
    /// MassTransit writes its log through the container's logger factory: that factory becomes a
    /// <see cref="BusLogFilter"/> over the one the host registered.
    /// </summary>
    private static void FilterBusLog(IServiceCollection services)
    {
        if (services.LastOrDefault(d => d.ServiceType == typeof(ILoggerFactory)) is not { ImplementationType: { } factory } || factory != typeof(LoggerFactory))
        {
            return;
        }

        services.TryAddSingleton<LoggerFactory>();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(provider => new BusLogFilter(provider.GetRequiredService<LoggerFactory>())));
    }
}
