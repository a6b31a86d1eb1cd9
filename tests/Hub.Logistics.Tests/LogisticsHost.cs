using System.Net.Http.Json;
using Hub.Contracts.Values;
using Hub.Logistics.Data;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using LogisticsClient = Hub.Logistics.V1.Logistics.LogisticsClient;

namespace Hub.Logistics.Tests;

/// <summary>Logistics (hub KR) hosted in-process on a migrated database and a virtual host of the test's own.</summary>
internal sealed class LogisticsHost : IAsyncDisposable
{
    private readonly InProcessService<LogisticsDbContext> _service;

    private LogisticsHost(InProcessService<LogisticsDbContext> service, TestClock clock)
    {
        _service = service;
        Clock = clock;
        Grpc = new LogisticsClient(service.Channel);
    }

    /// <summary>Starts on Monday 2026-11-23 03:00 UTC; the seeded KR lanes cut off at 09:00 on Mondays.</summary>
    public TestClock Clock { get; }

    public LogisticsClient Grpc { get; }

    public static async Task<LogisticsHost> StartAsync(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var clock = new TestClock(new DateTimeOffset(2026, 11, 23, 3, 0, 0, TimeSpan.Zero));
        var service = await InProcessService<LogisticsDbContext>.StartAsync("Logistics", new Dictionary<string, string?>
        {
            ["Logistics:Pools:ScanInterval"] = "00:00:00.200",
            ["Logistics:Pools:PlannerTimeLimit"] = "00:00:00.200",
        }.Concat(overrides ?? new Dictionary<string, string?>()).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value),
            s => s.AddSingleton<TimeProvider>(clock));
        return new LogisticsHost(service, clock);
    }

    public HttpClient Operator() => _service.Client(TestSecurity.Operator(HubId.KR));

    public HttpClient Sme(string company) => _service.Client(TestSecurity.Sme(CompanyId.Parse(company)));

    public HttpClient Anonymous() => _service.Client();

    public LogisticsDbContext Db() => _service.Db();

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

    public ValueTask DisposeAsync() => _service.DisposeAsync();
}
