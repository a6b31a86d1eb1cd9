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
internal sealed class DeclarationMetrics : DatabaseGauges<CustomsDbContext, IReadOnlyDictionary<(DeclarationType Type, DeclarationStatus Status), long>>
{
    public DeclarationMetrics(ServiceMetrics metrics, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DeclarationMetrics> logger)
        : base(scopes, configuration, logger, new Dictionary<(DeclarationType, DeclarationStatus), long>())
    {
        metrics.Meter.CreateObservableGauge("hub.customs.declarations.current",
            () => Current().Select(d => new Measurement<long>(d.Value,
                new KeyValuePair<string, object?>("type", d.Key.Type.ToString()), new KeyValuePair<string, object?>("status", d.Key.Status.ToString()))),
            "{declaration}", "Declarations in each status now, by type.");
        metrics.Meter.CreateObservableCounter("hub.customs.declarations.lodged",
            () => Current().GroupBy(d => d.Key.Type).Select(g => new Measurement<long>(g.Sum(d => d.Value), new KeyValuePair<string, object?>("type", g.Key.ToString()))),
            "{declaration}", "Declarations lodged since the hub began, by type.");
    }

    protected override async Task<IReadOnlyDictionary<(DeclarationType Type, DeclarationStatus Status), long>> ReadAsync(CustomsDbContext db) =>
        (await db.Declarations.AsNoTracking().GroupBy(d => new { d.Type, d.Status })
            .Select(g => new { g.Key.Type, g.Key.Status, Count = g.LongCount() }).ToListAsync())
            .ToDictionary(c => (c.Type, c.Status), c => c.Count);
}
