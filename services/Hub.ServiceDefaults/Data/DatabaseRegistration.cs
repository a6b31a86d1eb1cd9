using Hub.ServiceDefaults.Messaging.Federation;
using Hub.ServiceDefaults.Messaging.Outbox;
using Hub.ServiceDefaults.Probes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Hub.ServiceDefaults.Data;

/// <summary>The service's own PostgreSQL database, its outbox and the relay that empties it.</summary>
public static class DatabaseRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the connection string named after the service
    /// (<c>ConnectionStrings:Catalog</c>, …), the outbox, the relay, and a readiness check that fails
    /// while the database is unreachable or has migrations not yet applied.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder)
        where TContext : ServiceDbContext
    {
        var identity = builder.GetServiceIdentity();
        var connectionString = builder.Configuration.GetConnectionString(identity.ConfigurationName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{identity.ConfigurationName} is not configured.");

        builder.Services.AddSingleton<OutboxWakeUp>();
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        // Pooled: a context and EF's services behind it are reused instead of resolved anew for every request and
        // message, which is most of EF's own cost per unit of work.
        builder.Services.AddDbContextPool<TContext>((sp, o) => o
            .UseNpgsql(connectionString)
            .AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()));
        builder.Services.AddScoped<ServiceDbContext>(sp => sp.GetRequiredService<TContext>());
        builder.Services.AddScoped<IOutbox, EfOutbox>();
        builder.Services.AddScoped<MessagingProbeRunner>();
        builder.Services.AddSingleton<OutboxMetrics>();
        builder.Services.AddSingleton<OutboxRelay>();
        builder.Services.AddSingleton<IOutboxDispatcher, BusOutboxDispatcher>();
        builder.Services.AddSingleton<PartnerHubDispatcher>();
        builder.Services.AddHttpClient(PartnerHubDispatcher.ClientName);
        builder.Services.AddOptions<OutboxRelayOptions>().Bind(builder.Configuration.GetSection("Messaging:Outbox"));
        if (builder.Configuration.GetValue("Messaging:Outbox:Enabled", true))
        {
            builder.Services.AddHostedService<OutboxRelayService>();
        }

        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck<TContext>>("postgresql", tags: [HealthTags.Ready]);
        return builder;
    }
}
