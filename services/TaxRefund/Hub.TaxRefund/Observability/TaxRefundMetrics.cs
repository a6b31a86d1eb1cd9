using System.Diagnostics.Metrics;
using Hub.ServiceDefaults.Observability;
using Hub.TaxRefund.Data;
using Hub.TaxRefund.Domain;
using Microsoft.EntityFrameworkCore;

namespace Hub.TaxRefund.Observability;

/// <summary>
/// The refund backlog read from the tax-refund database: <c>hub.refund.claims{state}</c>, claims in each state now
/// (Open, Ready and Filed wait for evidence or a decision, Approved waits for the payout). One grouped query, at most
/// every <c>Metrics:GaugeRefresh</c> (15 s by default), serves every scrape in between; a scrape never waits for the
/// database.
/// </summary>
internal sealed class TaxRefundMetrics : DatabaseGauges<TaxRefundDbContext, IReadOnlyDictionary<ClaimState, long>>
{
    public TaxRefundMetrics(ServiceMetrics metrics, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<TaxRefundMetrics> logger)
        : base(scopes, configuration, logger, new Dictionary<ClaimState, long>())
    {
        metrics.Meter.CreateObservableGauge("hub.refund.claims",
            () => Current().Select(s => new Measurement<long>(s.Value, new KeyValuePair<string, object?>("state", s.Key.ToString()))),
            "{claim}", "Refund claims in each state now.");
    }

    protected override async Task<IReadOnlyDictionary<ClaimState, long>> ReadAsync(TaxRefundDbContext db) =>
        (await db.Claims.AsNoTracking().GroupBy(c => c.State).Select(g => new { State = g.Key, Count = g.LongCount() }).ToListAsync())
            .ToDictionary(c => c.State, c => c.Count);
}
