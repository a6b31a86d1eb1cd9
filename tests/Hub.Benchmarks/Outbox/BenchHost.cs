using Hub.ServiceDefaults;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Messaging;
using Hub.Testing;
using MassTransit;

namespace Hub.Benchmarks.Outbox;

/// <summary>A service host built as the services build theirs, on the benchmark's own database and virtual host.</summary>
internal static class BenchHost
{
    public static async Task<WebApplication> StartAsync(TestDatabase database, TestVirtualHost vhost, DeliveryRecorder recorder, bool relay, bool profile)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(vhost.Settings())
        {
            ["Hub:Id"] = "KR",
            ["ConnectionStrings:Bench"] = database.ConnectionString,
            ["Messaging:Outbox:Enabled"] = relay ? "true" : "false",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.Configuration.AddInMemoryCollection(TestSecurity.Settings());
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddServiceDefaults("bench");
        builder.AddServiceDatabase<BenchDbContext>();
        builder.AddServiceMessaging(bus => bus.AddConsumer<BenchmarkConsumer>());
        builder.Services.AddSingleton(recorder);
        if (profile)
        {
            builder.Services.AddSingleton<StageClock>();
            builder.Services.AddReceiveObserver<StageReceiveObserver>();
            TimedDispatcher.Decorate(builder.Services);
            var timer = new RelayDatabaseTimer();
            builder.Services.AddSingleton(timer);
            builder.Services.ConfigureDbContext<BenchDbContext>(o => o.AddInterceptors(timer));
        }

        // Publishing before the consumer's queue is bound would measure a broker that drops everything.
        builder.Services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true);

        var app = builder.Build();
        await app.StartAsync();
        return app;
    }

    public static async Task StopAsync(WebApplication app)
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
