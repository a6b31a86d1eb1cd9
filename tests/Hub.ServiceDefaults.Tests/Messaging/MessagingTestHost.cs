using System.Collections.Concurrent;
using Hub.Contracts.Platform;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Messaging;
using Hub.ServiceDefaults.Messaging.Federation;
using Hub.ServiceDefaults.Messaging.Outbox;
using Hub.Testing;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hub.ServiceDefaults.Tests.Messaging;

/// <summary>A service host wired exactly as a service is, on a database and virtual host of its own.</summary>
internal sealed class MessagingTestHost : IAsyncDisposable
{
    private static readonly TimeSpan StopPatience = TimeSpan.FromMinutes(1);

    private readonly WebApplication _app;

    private MessagingTestHost(WebApplication app, TestDatabase database, TestVirtualHost vhost)
    {
        _app = app;
        Database = database;
        VirtualHost = vhost;
    }

    public TestDatabase Database { get; }

    public TestVirtualHost VirtualHost { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Settings over the test's own.</param>
    /// <param name="brokerPort">The port the service reaches RabbitMQ on (a proxy's), instead of the broker's own.</param>
    /// <param name="services">Services over the host's own.</param>
    /// <param name="databasePort">The port the service reaches PostgreSQL on (a proxy's), instead of the server's own.</param>
    public static async Task<MessagingTestHost> StartAsync(
        IDictionary<string, string?>? settings = null, int? brokerPort = null, Action<IServiceCollection>? services = null, int? databasePort = null)
    {
        var database = await TestDatabase.CreateAsync("outbox");
        var vhost = await TestVirtualHost.CreateAsync();
        await using (var db = database.CreateContext<TestDbContext>())
        {
            await db.Database.EnsureCreatedAsync();
        }

        try
        {
            var app = await StartAppAsync(database, vhost, settings, brokerPort, services, databasePort);
            return new MessagingTestHost(app, database, vhost);
        }
        catch
        {
            // A host that does not start (a setting refused, say) leaves no database or virtual host behind.
            await vhost.DisposeAsync();
            await database.DisposeAsync();
            throw;
        }
    }

    private static async Task<WebApplication> StartAppAsync(
        TestDatabase database, TestVirtualHost vhost, IDictionary<string, string?>? settings, int? brokerPort, Action<IServiceCollection>? services, int? databasePort)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        var configuration = new Dictionary<string, string?>(vhost.Settings(brokerPort))
        {
            ["Hub:Id"] = "KR",
            ["ConnectionStrings:OutboxTest"] = databasePort is { } port
                ? new NpgsqlConnectionStringBuilder(database.ConnectionString) { Host = "127.0.0.1", Port = port }.ConnectionString
                : database.ConnectionString,
            ["Messaging:RetryMinInterval"] = "00:00:00.050",
            ["Messaging:RetryMaxInterval"] = "00:00:00.200",
            ["Messaging:Outbox:PollInterval"] = "00:00:00.500",
            ["Messaging:Outbox:MaxBackoff"] = "00:00:01",
            ["Messaging:Outbox:DispatchTimeout"] = "00:00:03",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in TestSecurity.Settings())
        {
            configuration[key] = value;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            configuration[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(configuration);
        builder.AddServiceDefaults("outbox-test");
        builder.AddServiceDatabase<TestDbContext>();
        builder.AddServiceMessaging(bus =>
        {
            bus.AddConsumer<RecordingConsumer>();
            bus.AddConsumer<FailingConsumer>();
            bus.AddConsumer<FaultConsumer>();
            bus.AddConsumer<OwnFactsConsumer>();
            bus.AddConsumer<PartnerFactsConsumer>();
        });
        builder.Services.AddSingleton<Deliveries>();
        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.Services.GetRequiredService<IBus>().ConnectReceiveObserver(app.Services.GetRequiredService<Deliveries>());
        try
        {
            await app.StartAsync();
            await app.Services.GetRequiredService<IBusControl>().WaitForHealthStatus(BusHealthStatus.Healthy, TimeSpan.FromSeconds(30));
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    /// <summary>Commits a state change and its event in one transaction, as a service does.</summary>
    public Task<Guid> CommitAsync(string text) => CommitAsync(text, new NoteWritten(text));

    public async Task<Guid> CommitAsync<T>(string text, T message) where T : class
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TestDbContext>();
        db.Notes.Add(new Note { Text = text });
        var messageId = scope.ServiceProvider.GetRequiredService<IOutbox>().Publish(message);
        await db.SaveChangesAsync();
        return messageId;
    }

    public async Task<int> CountAsync<T>(Func<TestDbContext, IQueryable<T>> query)
    {
        await using var db = Database.CreateContext<TestDbContext>();
        return await query(db).CountAsync();
    }

    public Deliveries Deliveries => Services.GetRequiredService<Deliveries>();

    public async ValueTask DisposeAsync()
    {
        // After a broker outage MassTransit's stop can wait forever for a receive transport that is still waiting for a
        // connection; the host is given a minute, then the virtual host's removal closes whatever it still holds.
        try
        {
            await StopAndDisposeAppAsync().WaitAsync(StopPatience);
        }
        catch (TimeoutException)
        {
        }

        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }

    private async Task StopAndDisposeAppAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

internal sealed class TestDbContext(DbContextOptions<TestDbContext> options) : ServiceDbContext(options)
{
    public DbSet<Note> Notes => Set<Note>();

    public DbSet<HandledNote> HandledNotes => Set<HandledNote>();
}

internal sealed class Note
{
    public int Id { get; set; }

    public string Text { get; set; } = "";
}

internal sealed class HandledNote
{
    public int Id { get; set; }

    public string Text { get; set; } = "";
}

public sealed record NoteWritten(string Text);

public sealed record NoteRejected(string Text);

/// <summary>A message that may come from a partner hub.</summary>
[CrossesHubs]
public sealed record FactShared(string Text);

/// <summary>What reached the consumers, and how many deliveries the endpoints finished (including those the inbox turned away).</summary>
internal sealed class Deliveries : IReceiveObserver
{
    private int _received;

    public ConcurrentQueue<string> Handled { get; } = new();

    public ConcurrentDictionary<string, int> FailedAttempts { get; } = new();

    /// <summary>The faults MassTransit reported (what it logs as R-FAULT and publishes as <c>Fault&lt;T&gt;</c>).</summary>
    public ConcurrentQueue<string> Faults { get; } = new();

    /// <summary>The <c>Fault&lt;NoteRejected&gt;</c> messages that reached their consumer.</summary>
    public ConcurrentQueue<string> PublishedFaults { get; } = new();

    public int Received => Volatile.Read(ref _received);

    /// <summary>Started by the first failing attempt of the note "fails-in-outage" (a database outage, say).</summary>
    public Func<Task>? Outage { get; set; }

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context)
    {
        Interlocked.Increment(ref _received);
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType) where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception) where T : class
    {
        Faults.Enqueue($"{typeof(T).Name}: {exception.Message}");
        return Task.CompletedTask;
    }

    public Task ReceiveFault(ReceiveContext context, Exception exception) => Task.CompletedTask;
}

internal sealed class RecordingConsumer(TestDbContext db, Deliveries deliveries) : IConsumer<NoteWritten>
{
    public Task Consume(ConsumeContext<NoteWritten> context)
    {
        db.HandledNotes.Add(new HandledNote { Text = context.Message.Text });
        deliveries.Handled.Enqueue(context.Message.Text);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Fails every attempt, except a note named "fails-once", whose first attempt alone fails, and one named
/// "fails-in-outage", whose first delivery fails, the first attempt starting <see cref="Deliveries.Outage"/>.
/// </summary>
internal sealed class FailingConsumer(Deliveries deliveries) : IConsumer<NoteRejected>
{
    public async Task Consume(ConsumeContext<NoteRejected> context)
    {
        var text = context.Message.Text;
        if ((text == "fails-once" && deliveries.FailedAttempts.ContainsKey("fails-once #0"))
            || (text == "fails-in-outage" && context.GetRedeliveryCount() > 0))
        {
            deliveries.Handled.Enqueue(text);
            return;
        }

        if (deliveries.FailedAttempts.AddOrUpdate($"{text} #{context.GetRedeliveryCount()}", 1, (_, n) => n + 1) == 1
            && text == "fails-in-outage" && deliveries.Outage is { } outage)
        {
            await outage();
        }

        throw new InvalidOperationException("This consumer always fails.");
    }
}

/// <summary>Takes the faults published for rejected notes.</summary>
internal sealed class FaultConsumer(Deliveries deliveries) : IConsumer<Fault<NoteRejected>>
{
    public Task Consume(ConsumeContext<Fault<NoteRejected>> context)
    {
        deliveries.PublishedFaults.Enqueue(context.Message.Message.Text);
        return Task.CompletedTask;
    }
}

/// <summary>Takes this hub's own facts only (the default).</summary>
internal sealed class OwnFactsConsumer(Deliveries deliveries) : IConsumer<FactShared>
{
    public Task Consume(ConsumeContext<FactShared> context)
    {
        deliveries.Handled.Enqueue($"own:{context.Message.Text}");
        return Task.CompletedTask;
    }
}

/// <summary>Takes partner hubs' copies too; a fact named "fails-once" fails its first delivery.</summary>
[TakesPartnerMessages]
internal sealed class PartnerFactsConsumer(Deliveries deliveries) : IConsumer<FactShared>
{
    public Task Consume(ConsumeContext<FactShared> context)
    {
        if (context.Message.Text == "fails-once" && context.GetRedeliveryCount() == 0)
        {
            throw new InvalidOperationException("The first delivery of this fact fails.");
        }

        deliveries.Handled.Enqueue($"partner-aware:{context.Message.Text} from {FederatedMessage.SourceHubOf(context) ?? "here"}");
        return Task.CompletedTask;
    }
}
