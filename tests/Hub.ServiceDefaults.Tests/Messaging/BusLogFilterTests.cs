using Hub.ServiceDefaults.Messaging;
using Hub.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.ServiceDefaults.Tests.Messaging;

public sealed class BusLogFilterTests
{
    private static readonly Exception Cancelled = new TaskCanceledException();

    [Fact]
    public void SendFaultOverACancellation_IsDebug_OtherBusErrorsAndOtherCategoriesStayErrors()
    {
        var logs = new RecordingLogs();
        var filter = new BusLogFilter(logs);
        var bus = filter.CreateLogger(BusLogFilter.BusCategory);

        Write(bus, "S-FAULT rabbitmq://127.0.0.1/hub-kr/Hub.Contracts.Catalog:StockReserved 01a24f16 StockReserved", Cancelled);
        Write(bus, "S-FAULT rabbitmq://127.0.0.1/hub-kr/Hub.Contracts.Catalog:StockReserved 01a24f17 StockReserved", new InvalidOperationException("serializer"));
        Write(bus, "R-FAULT rabbitmq://127.0.0.1/hub-kr/catalog-order-placed 01a24f18 00:00:00.01", Cancelled);
        Write(filter.CreateLogger("Hub.Catalog"), "S-FAULT written by the service itself", Cancelled);

        logs.Records.Select(r => (r.Category, r.Level, r.Message[..7])).ShouldBe(
        [
            ("MassTransit", LogLevel.Debug, "S-FAULT"),
            ("MassTransit", LogLevel.Error, "S-FAULT"),
            ("MassTransit", LogLevel.Error, "R-FAULT"),
            ("Hub.Catalog", LogLevel.Error, "S-FAULT"),
        ]);
    }

    [Fact]
    public async Task PublishGivenUpWhileTheBrokerDoesNotConfirm_IsNoErrorOfTheBus()
    {
        var servers = await TestServers.GetAsync();
        await using var proxy = new TcpProxy(servers.RabbitMq.Host, servers.RabbitMq.Port);
        var logs = new RecordingLogs();
        await using var host = await MessagingTestHost.StartAsync(
            new Dictionary<string, string?> { ["Messaging:Outbox:Enabled"] = "false", ["Logging:LogLevel:MassTransit"] = "Debug" },
            brokerPort: proxy.Port,
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        var factory = host.Services.GetRequiredService<ILoggerFactory>();
        factory.ShouldBeOfType<BusLogFilter>("MassTransit takes the container's factory for its log");

        // MassTransit's log context is one per process, set by the first bus: this host's, for the test.
        var previous = LogContext.Current;
        LogContext.ConfigureCurrentLogContext(factory);
        try
        {
            // Connected, but nothing reaches the broker or comes back: a blocked broker, as under its memory alarm.
            proxy.Hold();
            using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await Should.ThrowAsync<OperationCanceledException>(() => host.Services.GetRequiredService<IBus>().Publish(new NoteWritten("not sent"), giveUp.Token));
        }
        finally
        {
            proxy.Release();
            LogContext.Current = previous;
        }

        var bus = logs.Records.Where(r => r.Category == BusLogFilter.BusCategory).ToList();
        bus.ShouldContain(r => r.Level == LogLevel.Debug && r.Message.StartsWith("S-FAULT ", StringComparison.Ordinal), "the bus logged the send it gave up");
        bus.ShouldNotContain(r => r.Level >= LogLevel.Error && r.Message.StartsWith("S-FAULT ", StringComparison.Ordinal));
    }

    private static void Write(ILogger logger, string message, Exception exception) =>
        logger.Log(LogLevel.Error, default, message, exception, (text, _) => text);
}
