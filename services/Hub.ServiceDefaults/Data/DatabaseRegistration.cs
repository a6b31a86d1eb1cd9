using System.Data.Common;
using Hub.ServiceDefaults.Messaging.Federation;
using Hub.ServiceDefaults.Messaging.Outbox;
using Hub.ServiceDefaults.Probes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Hub.ServiceDefaults.Data;

/// <summary>The service's own PostgreSQL database, its outbox and the relay that empties it.</summary>
public static class DatabaseRegistration
{
    /// <summary>
    /// Registers <typeparamref name="TContext"/> on the connection string named after the service
    /// (<c>ConnectionStrings:Catalog</c>, …), the outbox, the relay, and a readiness check that fails
    /// while the database is unreachable or has migrations not yet applied.
    /// </summary>
    /// <param name="builder">The service's host builder.</param>
    /// <param name="planning">How PostgreSQL plans the service's prepared statements.</param>
    public static IHostApplicationBuilder AddServiceDatabase<TContext>(this IHostApplicationBuilder builder, StatementPlanning planning = StatementPlanning.Cached)
        where TContext : ServiceDbContext
    {
        var identity = builder.GetServiceIdentity();
        var connectionString = WithPreparedStatements(builder.Configuration.GetConnectionString(identity.ConfigurationName)
            ?? throw new InvalidOperationException($"ConnectionStrings:{identity.ConfigurationName} is not configured."), planning);

        builder.Services.AddSingleton<OutboxWakeUp>();
        builder.Services.AddSingleton<CommittedOutbox>();
        builder.Services.AddSingleton(sp => new OutboxWriter(sp.GetRequiredService<CommittedOutbox>(), sp.GetRequiredService<OutboxWakeUp>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<OutboxCommitInterceptor>();
        builder.Services.AddSingleton<CommandFailureLog>();
        // Pooled: a context and EF's services behind it are reused instead of resolved anew for every request and
        // message, which is most of EF's own cost per unit of work.
        // An aggregate's owned collections are a few rows each (a product's texts and national lines, a lane's
        // containers and revisions): read in one round trip by default, while queries of many rows with collections
        // of their own (orders with lines and timelines) split explicitly.
        builder.Services.AddDbContextPool<TContext>((sp, o) => LogFailuresOnce(o
            .UseNpgsql(connectionString, npgsql => npgsql.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .AddInterceptors(sp.GetRequiredService<OutboxCommitInterceptor>()), sp));
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

    /// <summary>
    /// Registers <typeparamref name="TContext"/>, a database of a process that keeps state but sends no events (no
    /// outbox), on the connection string named after the process, with the same readiness check as a service's; false,
    /// and nothing registered, when that connection string is not configured (or empty).
    /// </summary>
    /// <param name="builder">The process's host builder.</param>
    public static bool TryAddProcessDatabase<TContext>(this IHostApplicationBuilder builder)
        where TContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(builder.GetServiceIdentity().ConfigurationName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        builder.Services.AddSingleton<CommandFailureLog>();
        builder.Services.AddDbContext<TContext>((sp, o) => LogFailuresOnce(o.UseNpgsql(connectionString), sp));
        builder.Services.AddHealthChecks().AddCheck<DatabaseReadyCheck<TContext>>("postgresql", tags: [HealthTags.Ready]);
        return true;
    }

    // A failed connection, command or transaction is logged by CommandFailureLog, at the level its cause deserves; a
    // query or save that failed for one of them is not logged again. What else fails in a query (reading its rows into
    // objects) reaches the caller's own error handling.
    private static DbContextOptionsBuilder LogFailuresOnce(DbContextOptionsBuilder options, IServiceProvider services) => options
        .AddInterceptors(services.GetRequiredService<CommandFailureLog>())
        .ConfigureWarnings(w => w.Log(
            (RelationalEventId.ConnectionError, LogLevel.Debug), (RelationalEventId.CommandError, LogLevel.Debug), (RelationalEventId.TransactionError, LogLevel.Debug),
            (CoreEventId.QueryIterationFailed, LogLevel.Debug), (CoreEventId.SaveChangesFailed, LogLevel.Debug)));

    /// <summary>
    /// The statements a service runs again and again (its claims, inserts, outbox batches) are parsed once per pooled
    /// connection instead of on every execution, which was much of PostgreSQL's time per reservation. How they are
    /// planned is the service's <see cref="StatementPlanning"/> (hot transactions whose statements only look rows up by
    /// key plan once in either case, see <see cref="BatchTransaction.PlanKeyLookupsOnce"/>). A connection taken from the pool is
    /// not reset first: no service keeps session state (its settings are <c>SET LOCAL</c>, its locks
    /// transaction-scoped), and the reset was six statements ahead of every unit of work. A connection string that sets
    /// <c>Max Auto Prepare</c>, <c>Options</c> or <c>No Reset On Close</c> itself keeps its own.
    /// </summary>
    private static string WithPreparedStatements(string connectionString, StatementPlanning planning)
    {
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        if (settings.MaxAutoPrepare == 0)
        {
            settings.MaxAutoPrepare = 64;
        }

        if (string.IsNullOrEmpty(settings.Options))
        {
            settings.Options = planning == StatementPlanning.PerExecution ? "-c plan_cache_mode=force_custom_plan" : "-c plan_cache_mode=auto";
        }

        // The typed builder knows every keyword; only the string itself tells whether it named this one.
        var named = new DbConnectionStringBuilder { ConnectionString = connectionString };
        if (!named.ContainsKey("No Reset On Close") && !named.ContainsKey("NoResetOnClose"))
        {
            settings.NoResetOnClose = true;
        }

        return settings.ConnectionString;
    }
}
