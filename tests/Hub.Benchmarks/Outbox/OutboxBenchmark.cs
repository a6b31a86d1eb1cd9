using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Messaging.Outbox;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;

namespace Hub.Benchmarks.Outbox;

/// <summary>
/// Raw MassTransit publish rate, outbox relay throughput and commit → consume latency, measured in one run on one
/// isolated database and virtual host, so the relay is compared with the broker as it is right now.
/// </summary>
internal static class OutboxBenchmark
{
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(60);
    private const int WarmupSeconds = 5;

    public static async Task<int> RunAsync(OutboxBenchmarkOptions options)
    {
        await using var database = await TestDatabase.CreateAsync("bench");
        await using var vhost = await TestVirtualHost.CreateAsync();
        var postgres = await CreateSchemaAsync(database);
        var recorder = new DeliveryRecorder();
        var loadBefore = Report.LoadAverage();
        var run = 0;

        // The relay service stays off while rows are committed, so the relay phase measures draining, not racing.
        var app = await BenchHost.StartAsync(database, vhost, recorder, relay: false, options.Profile);
        var relayOptions = app.Services.GetRequiredService<IOptions<OutboxRelayOptions>>().Value;
        var messaging = app.Services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        var batchSize = relayOptions.BatchSize;
        // Both throughput phases keep as many publishes in flight as the relay service has while it drains a backlog
        // (its batches at once × batch size); --profile drains with one loop, so that its time splits into stages.
        var loops = options.Profile ? 1 : Math.Max(1, relayOptions.ConcurrentBatches);
        var warmup = Math.Min(options.Messages, 1_000);
        await RawPublishPhase.RunAsync(app.Services, recorder, ++run, warmup, batchSize, loops, DrainTimeout);
        await RelayPhase.RunAsync(app.Services, recorder, ++run, warmup, batchSize, loops, DrainTimeout);
        var raw = await RawPublishPhase.RunAsync(app.Services, recorder, ++run, options.Messages, batchSize, loops, DrainTimeout);
        Report.Progress(raw);
        var relay = await RelayPhase.RunAsync(app.Services, recorder, ++run, options.Messages, batchSize, loops, DrainTimeout);
        Report.Progress(relay);
        await BenchHost.StopAsync(app);

        // The throughput phases leave tens of thousands of dead outbox and inbox rows; cleaned now, not by an
        // autovacuum in the middle of the latency phase.
        await using (var db = database.CreateContext<BenchDbContext>())
        {
            await db.Database.ExecuteSqlRawAsync("VACUUM (ANALYZE) outbox_messages, inbox_messages");
        }

        app = await BenchHost.StartAsync(database, vhost, recorder, relay: true, options.Profile);
        // The restarted host's first seconds (tiered JIT, pools, the broker connection) are a start-up, not the steady state.
        await LatencyPhase.RunAsync(app.Services, recorder, ++run, options.Rate, WarmupSeconds, profile: false, DrainTimeout);
        var latency = await LatencyPhase.RunAsync(app.Services, recorder, ++run, options.Rate, options.Seconds, options.Profile, DrainTimeout);
        await BenchHost.StopAsync(app);

        return Report.Print(options, new BenchmarkEnvironment(postgres, batchSize, loops, relayOptions.ConcurrentBatches, messaging.PrefetchCount, messaging.ConcurrentMessageLimit, loadBefore, Report.LoadAverage()), raw, relay, latency) ? 0 : 1;
    }

    /// <returns>The PostgreSQL server version.</returns>
    private static async Task<string> CreateSchemaAsync(TestDatabase database)
    {
        await using var db = database.CreateContext<BenchDbContext>();
        await db.Database.EnsureCreatedAsync();

        // An empty migration history: the readiness check then finds the (migration-less) schema up to date.
        await db.Database.ExecuteSqlRawAsync(db.GetService<IHistoryRepository>().GetCreateIfNotExistsScript());
        return await db.Database.SqlQueryRaw<string>("SELECT current_setting('server_version') AS \"Value\"").SingleAsync();
    }
}
