using System.Text.Json;
using Hub.Contracts.Values;
using Hub.Customs.Data;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Customs.Tests;

/// <summary>The Customs service of one hub, hosted in-process on a migrated (and so seeded) database and a virtual host of its own.</summary>
public class CustomsHost : IAsyncLifetime
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private readonly string _hub;
    private readonly TimeProvider _clock;
    private InProcessService<CustomsDbContext>? _service;

    public CustomsHost()
        : this("KR")
    {
    }

    protected CustomsHost(string hub)
        : this(hub, new SettableClock(Today))
    {
    }

    /// <summary>A host of <paramref name="hub"/> telling time by <paramref name="clock"/>.</summary>
    /// <param name="hub">The hub the service belongs to.</param>
    /// <param name="clock">The service's clock.</param>
    private protected CustomsHost(string hub, TimeProvider clock)
    {
        _hub = hub;
        _clock = clock;
    }

    /// <summary>The service's "today": the seeded FX rates are in force from 2026-11-22.</summary>
    public static DateTime Today { get; } = new(2026, 11, 23, 9, 0, 0, DateTimeKind.Utc);

    public V1.Customs.CustomsClient Grpc { get; private set; } = null!;

    public HubId Hub => HubId.Parse(_hub);

    private InProcessService<CustomsDbContext> Service => _service ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        _service = await InProcessService<CustomsDbContext>.StartAsync("Customs", new Dictionary<string, string?> { ["Hub:Id"] = _hub },
            s => s.AddSingleton(_clock));
        Grpc = new V1.Customs.CustomsClient(_service.Channel);
    }

    public HttpClient Client(string? token) => Service.Client(token);

    public HttpClient Operator() => Client(TestSecurity.Operator(Hub));

    public HttpClient Sme(string company) => Client(TestSecurity.Sme(CompanyId.Parse(company)));

    internal CustomsDbContext Db() => Service.Db();

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
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }
}
