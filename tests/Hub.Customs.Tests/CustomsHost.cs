using System.Net.Http.Headers;
using System.Text.Json;
using Grpc.Net.Client;
using Hub.Contracts.Values;
using Hub.Customs.Data;
using Hub.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Customs.Tests;

/// <summary>The Customs service of one hub, hosted in-process on a migrated (and so seeded) database and a virtual host of its own.</summary>
public class CustomsHost : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly string _hub;
    private TestDatabase? _database;
    private TestVirtualHost? _vhost;
    private ServiceFactory<CustomsDbContext>? _root;
    private WebApplicationFactory<CustomsDbContext>? _factory;
    private GrpcChannel? _channel;

    public CustomsHost()
        : this("KR")
    {
    }

    protected CustomsHost(string hub) => _hub = hub;

    /// <summary>The service's "today": the seeded FX rates are in force from 2026-11-22.</summary>
    public static DateTime Today { get; } = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    public V1.Customs.CustomsClient Grpc { get; private set; } = null!;

    public HubId Hub => HubId.Parse(_hub);

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("customs");
        await _database.MigrateAsync<CustomsDbContext>();
        _vhost = await TestVirtualHost.CreateAsync();
        _root = new ServiceFactory<CustomsDbContext>("Customs", _database, _vhost, new Dictionary<string, string?> { ["Hub:Id"] = _hub });
        _factory = _root.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(new ShiftedClock(Today))));
        _channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
        Grpc = new V1.Customs.CustomsClient(_channel);
    }

    public HttpClient Client(string? token)
    {
        var client = _factory!.CreateClient();
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    public HttpClient Operator() => Client(TestSecurity.Operator(Hub));

    public HttpClient Sme(string company) => Client(TestSecurity.Sme(CompanyId.Parse(company)));

    internal CustomsDbContext Db() => _database!.CreateContext<CustomsDbContext>();

    /// <summary>Events of type <typeparamref name="T"/> this service committed to its outbox for this hub's bus, oldest first.</summary>
    public Task<List<T>> EventsAsync<T>() => OutboxAsync<T>(destination: null);

    /// <summary>Events of type <typeparamref name="T"/> this service committed to its outbox for a partner hub's bus, oldest first.</summary>
    public Task<List<T>> EventsToHubAsync<T>(string hub) => OutboxAsync<T>(new Uri($"hub://{hub}").ToString());

    /// <summary>Waits until the relay has handed every event committed for this hub's bus to RabbitMQ.</summary>
    public Task AllPublishedAsync() => Eventually.TrueAsync(async () =>
    {
        await using var db = Db();
        return !await db.OutboxMessages.AnyAsync(m => m.SentAt == null && m.Destination == null);
    }, TimeSpan.FromSeconds(20), "the outbox relay published every event to the broker");

    private async Task<List<T>> OutboxAsync<T>(string? destination)
    {
        await using var db = Db();
        var type = typeof(T).FullName + ",";
        var bodies = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.MessageType.StartsWith(type) && m.Destination == destination)
            .OrderBy(m => m.Id).Select(m => m.Body).ToListAsync();
        return [.. bodies.Select(b => JsonSerializer.Deserialize<T>(b, Web)!)];
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_root is not null)
        {
            await _root.DisposeAsync();
        }

        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}
