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
internal sealed class OrderMetrics : DatabaseGauges<OrderDbContext, IReadOnlyDictionary<OrderStatus, long>>
{
    public OrderMetrics(ServiceMetrics metrics, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<OrderMetrics> logger)
        : base(scopes, configuration, logger, new Dictionary<OrderStatus, long>())
    {
        metrics.Meter.CreateObservableGauge("hub.orders.in_state",
            () => Current().Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("state", s.Key.ToString()))),
            "{order}", "Orders in each state now.");
        metrics.Meter.CreateObservableCounter("hub.orders.placed", () => Current().Values.Sum(), "{order}", "Orders placed since the hub began.");
        metrics.Meter.CreateObservableCounter("hub.orders.completed", () => Current().GetValueOrDefault(OrderStatus.Completed), "{order}",
            "Orders completed since the hub began.");
    }

    protected override async Task<IReadOnlyDictionary<OrderStatus, long>> ReadAsync(OrderDbContext db) =>
        (await db.Orders.AsNoTracking().GroupBy(o => o.Status).Select(g => new { Status = g.Key, Count = g.LongCount() }).ToListAsync())
            .ToDictionary(c => c.Status, c => c.Count);
}
