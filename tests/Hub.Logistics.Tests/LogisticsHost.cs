using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grpc.Net.Client;
using Hub.Contracts.Values;
using Hub.Logistics.Data;
using Hub.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using LogisticsClient = Hub.Logistics.V1.Logistics.LogisticsClient;

namespace Hub.Logistics.Tests;

/// <summary>Logistics (hub KR) hosted in-process on a migrated database and a virtual host of the test's own.</summary>
internal sealed class LogisticsHost : IAsyncDisposable
{
    private readonly TestDatabase _database;
    private readonly TestVirtualHost _vhost;
    private readonly ServiceFactory<LogisticsDbContext> _factory;
    private readonly WebApplicationFactory<LogisticsDbContext> _host;
    private readonly GrpcChannel _channel;

    private LogisticsHost(
        TestDatabase database, TestVirtualHost vhost, ServiceFactory<LogisticsDbContext> factory, WebApplicationFactory<LogisticsDbContext> host, TestClock clock)
    {
        Clock = clock;
        _database = database;
        _vhost = vhost;
        _factory = factory;
        _host = host;
        _channel = GrpcChannel.ForAddress(host.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = host.Server.CreateHandler() });
        Grpc = new LogisticsClient(_channel);
    }

    /// <summary>Starts on Monday 2026-11-23 03:00 UTC; the seeded KR lanes cut off at 09:00 on Mondays.</summary>
    public TestClock Clock { get; }

    public LogisticsClient Grpc { get; }

    public static async Task<LogisticsHost> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var database = await TestDatabase.CreateAsync("logistics");
        await database.MigrateAsync<LogisticsDbContext>();
        var vhost = await TestVirtualHost.CreateAsync();
        var factory = new ServiceFactory<LogisticsDbContext>("Logistics", database, vhost, new Dictionary<string, string?>
        {
            ["Logistics:Pools:ScanInterval"] = "00:00:00.200",
            ["Logistics:Pools:PlannerTimeLimit"] = "00:00:00.200",
        }.Concat(overrides ?? new Dictionary<string, string?>()).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value));
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        var configured = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<TimeProvider>(clock)));
        return new LogisticsHost(database, vhost, factory, configured, clock);
    }

    public HttpClient Operator() => Client(TestSecurity.Operator(HubId.KR));

    public HttpClient Sme(string company) => Client(TestSecurity.Sme(CompanyId.Parse(company)));

    public HttpClient Anonymous() => _host.CreateClient();

    public LogisticsDbContext Db() => _database.CreateContext<LogisticsDbContext>();

    /// <summary>Creates a lane of the test's own so no other test's bookings share its pools.</summary>
    public async Task CreateLaneAsync(string destination, string mode, decimal usableM3, decimal payloadKg, decimal fullLoadRate, decimal sharedRate, decimal earlyCloseFill)
    {
        using var client = Operator();
        var response = await client.PostAsJsonAsync("/api/logistics/lanes", new
        {
            origin = "KR",
            destination,
            mode,
            cutOffWeekdays = new[] { 1, 4 },
            cutOffTimeUtc = "09:00",
            earlyCloseFill,
            volumetricDivisor = 6000,
            currency = "KRW",
            sharedRate,
            containers = new[] { new { code = "BOX", usableVolumeM3 = usableM3, payloadKg, fullLoadRate } },
        });
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Events named <paramref name="eventName"/> in the outbox for this hub's bus, or for a partner hub's when <paramref name="hub"/> is given.</summary>
    public async Task<int> OutboxCountAsync(string eventName, string? hub = null)
    {
        await using var db = Db();
        var destination = hub is null ? null : new Uri($"hub://{hub}").ToString();
        return await db.OutboxMessages.CountAsync(m => m.MessageType.Contains(eventName) && m.Destination == destination);
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _factory.DisposeAsync();
        await _vhost.DisposeAsync();
        await _database.DisposeAsync();
    }

    private HttpClient Client(string token)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }
}
