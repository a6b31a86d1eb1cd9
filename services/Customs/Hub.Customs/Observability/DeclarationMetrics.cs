using System.Diagnostics.Metrics;
using Hub.Customs.Data;
using Hub.Customs.Domain.Declarations;
using Hub.ServiceDefaults.Observability;
using Microsoft.EntityFrameworkCore;

namespace Hub.Customs.Observability;

/// <summary>
/// Declarations read from the customs database: <c>hub.customs.declarations.current{type,status}</c> (a gauge: held
/// now is the operators' queue) and <c>hub.customs.declarations.lodged{type}</c> (an observable counter; declarations are
/// never deleted). The hold rate is the rate of <c>hub.customs.declarations{status="Held"}</c> over the rate of lodged
/// declarations. One grouped query, at most every <c>Metrics:GaugeRefresh</c> (15 s by default), serves every scrape in
/// between; a scrape never waits for the database.
/// </summary>
internal sealed class DeclarationMetrics : IHostedService
{
    private readonly DatabaseReading<CustomsDbContext, IReadOnlyDictionary<(DeclarationType Type, DeclarationStatus Status), long>> _reading;

    public DeclarationMetrics(ServiceMetrics metrics, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DeclarationMetrics> logger)
    {
        _reading = new DatabaseReading<CustomsDbContext, IReadOnlyDictionary<(DeclarationType Type, DeclarationStatus Status), long>>(
            scopes, configuration, logger, new Dictionary<(DeclarationType, DeclarationStatus), long>(),
            async db => (await db.Declarations.AsNoTracking().GroupBy(d => new { d.Type, d.Status })
                .Select(g => new { g.Key.Type, g.Key.Status, Count = g.LongCount() }).ToListAsync())
                .ToDictionary(c => (c.Type, c.Status), c => c.Count));
        metrics.Meter.CreateObservableGauge("hub.customs.declarations.current",
            () => Current().Select(d => new Measurement<long>(d.Value,
                new KeyValuePair<string, object?>("type", d.Key.Type.ToString()), new KeyValuePair<string, object?>("status", d.Key.Status.ToString()))),
            "{declaration}", "Declarations in each status now, by type.");
        metrics.Meter.CreateObservableCounter("hub.customs.declarations.lodged",
            () => Current().GroupBy(d => d.Key.Type).Select(g => new Measurement<long>(g.Sum(d => d.Value), new KeyValuePair<string, object?>("type", g.Key.ToString()))),
            "{declaration}", "Declarations lodged since the hub began, by type.");
    }

    /// <summary>Reads once at start-up, so the first scrape already has figures.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = Current();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IReadOnlyDictionary<(DeclarationType Type, DeclarationStatus Status), long> Current() => _reading.Current();
}
