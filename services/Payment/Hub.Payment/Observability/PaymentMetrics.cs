using System.Diagnostics.Metrics;
using Hub.Payment.Data;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Observability;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Observability;

/// <summary>
/// Balances read from the ledger: <c>hub.escrow.balance{currency}</c>, the funds held in every order's escrow, and
/// <c>hub.fx.position{currency}</c>, the hub's FX exposure (its position per currency from conversions at locked rates:
/// positive long, negative short). Both in major units. One grouped query, at most every <c>Metrics:GaugeRefresh</c>
/// (15 s by default), serves every scrape in between; a scrape never waits for the database.
/// </summary>
internal sealed class PaymentMetrics : DatabaseGauges<PaymentDbContext, IReadOnlyList<PaymentMetrics.Balance>>
{
    public PaymentMetrics(ServiceMetrics metrics, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<PaymentMetrics> logger)
        : base(scopes, configuration, logger, [])
    {
        metrics.Meter.CreateObservableGauge("hub.escrow.balance", () => Observe(AccountKind.Escrow), description: "Funds held in escrow, by currency (major units).");
        metrics.Meter.CreateObservableGauge("hub.fx.position", () => Observe(AccountKind.FxPosition),
            description: "The hub's FX exposure: its position per currency from conversions (major units; positive long, negative short).");
    }

    private IEnumerable<Measurement<double>> Observe(AccountKind kind) =>
        Current().Where(b => b.Kind == kind)
            .Select(b => new Measurement<double>((double)b.Amount, new KeyValuePair<string, object?>("currency", b.Currency)));

    protected override async Task<IReadOnlyList<Balance>> ReadAsync(PaymentDbContext db)
    {
        var sums = await (
            from line in db.PostingLines.AsNoTracking()
            join account in db.Accounts.AsNoTracking() on line.AccountId equals account.Id
            where account.Kind == AccountKind.Escrow || account.Kind == AccountKind.FxPosition
            group line by new { account.Kind, account.Currency } into g
            select new { g.Key.Kind, g.Key.Currency, NetDebits = g.Sum(l => l.Amount) }).ToListAsync();

        // Both kinds are credit-normal: the balance is credits − debits.
        return [.. sums.Select(s => new Balance(s.Kind, s.Currency, -s.NetDebits))];
    }

    internal sealed record Balance(AccountKind Kind, string Currency, decimal Amount);
}
