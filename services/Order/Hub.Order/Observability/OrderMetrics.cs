using System.Data.Common;
using System.Diagnostics.Metrics;
using Hub.Order.Data;
using Hub.Order.Domain;
using Hub.ServiceDefaults.Observability;
using Microsoft.EntityFrameworkCore;

namespace Hub.Order.Observability;

/// <summary>
/// Order figures read from the order database: <c>hub.orders.in_state{state}</c> (a gauge), and the observable counters
/// <c>hub.orders.placed</c> and <c>hub.orders.completed</c> (orders are never deleted, so the counts only grow; their
/// rates are the placement and completion rates). One grouped query, at most every <c>Metrics:GaugeRefresh</c>
/// (15 s by default), serves every scrape in between; a scrape never waits for the database.
/// </summary>
internal sealed partial class OrderMetrics : IHostedService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeSpan _refresh;
    private readonly ILogger<OrderMetrics> _logger;
    private IReadOnlyDictionary<OrderStatus, long> _byState = new Dictionary<OrderStatus, long>();
    private long _readAt = long.MinValue / 2;
    private int _reading;

    public OrderMetrics(ServiceMetrics metrics, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<OrderMetrics> logger)
    {
        _scopes = scopes;
        _refresh = configuration.GetValue("Metrics:GaugeRefresh", TimeSpan.FromSeconds(15));
        _logger = logger;
        metrics.Meter.CreateObservableGauge("hub.orders.in_state",
            () => Current().Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("state", s.Key.ToString()))),
            "{order}", "Orders in each state now.");
        metrics.Meter.CreateObservableCounter("hub.orders.placed", () => Current().Values.Sum(), "{order}", "Orders placed since the hub began.");
        metrics.Meter.CreateObservableCounter("hub.orders.completed", () => Current().GetValueOrDefault(OrderStatus.Completed), "{order}",
            "Orders completed since the hub began.");
    }

    /// <summary>Reads once at start-up, so the first scrape already has figures.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Current();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The last figures read; starts a new read in the background when they are older than the refresh interval.</summary>
    private IReadOnlyDictionary<OrderStatus, long> Current()
    {
        // A monotonic clock: the interval is about load on the database, not about business time.
        if (Environment.TickCount64 - Interlocked.Read(ref _readAt) >= (long)_refresh.TotalMilliseconds && Interlocked.CompareExchange(ref _reading, 1, 0) == 0)
        {
            _ = Task.Run(ReadAsync);
        }

        return Volatile.Read(ref _byState);
    }

    private async Task ReadAsync()
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<OrderDbContext>();
            var counts = await db.Orders.AsNoTracking().GroupBy(o => o.Status).Select(g => new { Status = g.Key, Count = g.LongCount() }).ToListAsync();
            Volatile.Write(ref _byState, counts.ToDictionary(c => c.Status, c => c.Count));
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException or TimeoutException)
        {
            LogReadFailed(ex.Message);
        }
        finally
        {
            Interlocked.Exchange(ref _readAt, Environment.TickCount64);
            Volatile.Write(ref _reading, 0);
        }
    }

    [LoggerMessage(LogLevel.Warning, "Order metrics could not be read from the database: {Reason}")]
    private partial void LogReadFailed(string reason);
}
