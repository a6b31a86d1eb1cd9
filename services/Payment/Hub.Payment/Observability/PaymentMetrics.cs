using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hub.Payment.Data;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Observability;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Observability;

/// <summary>
/// Balances read from the ledger: <c>hub.escrow.balance{currency}</c>, the funds held in every order's escrow,
/// <c>hub.fx.position{currency}</c>, the hub's FX exposure (its position per currency from conversions at locked rates:
/// positive long, negative short), <c>hub.duties.collected{currency}</c>, the import duties and taxes the hub has
/// charged for its customs authority, <c>hub.freight.payable{currency}</c>, the freight of departed shipments owed to
/// the carriers, and <c>hub.wallets.owed{currency}</c>, what companies whose wallets went below zero (duties or freight
/// charged after the goods left, a refund clawed back after the release) owe the hub, all in major units; and
/// <c>hub.ledger.checkpoint.taken</c> (Unix time) and <c>hub.ledger.lines.after_checkpoint</c>, how far the ledger's
/// checkpoint has fallen behind. Two grouped queries (of the accounts' ledger checkpoints and their lines since, and of
/// the wallets' kept balances) and two small ones, at
/// most every <c>Metrics:GaugeRefresh</c> (15 s by default), serve every scrape in between; a scrape never waits for
/// the database.
/// </summary>
internal sealed class PaymentMetrics : DatabaseGauges<PaymentDbContext, IReadOnlyList<PaymentMetrics.Balance>>
{
    public PaymentMetrics(ServiceMetrics metrics, IServiceScopeFactory scopes, IConfiguration configuration, ILogger<PaymentMetrics> logger)
        : base(scopes, configuration, logger, [])
    {
        metrics.Meter.CreateObservableGauge("hub.escrow.balance", () => Observe(Figure.Escrow), description: "Funds held in escrow, by currency (major units).");
        metrics.Meter.CreateObservableGauge("hub.fx.position", () => Observe(Figure.FxPosition),
            description: "The hub's FX exposure: its position per currency from conversions (major units; positive long, negative short).");
        metrics.Meter.CreateObservableGauge("hub.duties.collected", () => Observe(Figure.DutiesCollected),
            description: "Import duties and taxes charged to importers for the customs authority, by currency (major units).");
        metrics.Meter.CreateObservableGauge("hub.freight.payable", () => Observe(Figure.FreightPayable),
            description: "Freight of departed shipments billed to their payers and owed to the carriers, by currency (major units).");
        metrics.Meter.CreateObservableGauge("hub.wallets.owed", () => Observe(Figure.WalletsOwed),
            description: "What companies whose wallets are below zero owe the hub, by currency (major units).");
        metrics.Meter.CreateObservableGauge("hub.ledger.checkpoint.taken", () => ObserveLedger(Figure.CheckpointTaken), unit: "s",
            description: "When the ledger's checkpoint last moved (Unix time): balances read the lines after it one by one.");
        metrics.Meter.CreateObservableGauge("hub.ledger.lines.after_checkpoint", () => ObserveLedger(Figure.LinesAfterCheckpoint),
            description: "Posting lines written after the ledger's checkpoint, which every balance read adds up again.");
    }

    /// <summary>What a gauge shows.</summary>
    internal enum Figure
    {
        Escrow,
        FxPosition,
        DutiesCollected,
        FreightPayable,
        WalletsOwed,
        CheckpointTaken,
        LinesAfterCheckpoint,
    }

    private IEnumerable<Measurement<double>> Observe(Figure figure) =>
        Current().Where(b => b.Figure == figure)
            .Select(b => new Measurement<double>((double)b.Amount, new KeyValuePair<string, object?>("currency", b.Currency)));

    private IEnumerable<Measurement<double>> ObserveLedger(Figure figure) =>
        Current().Where(b => b.Figure == figure).Select(b => new Measurement<double>((double)b.Amount));

    protected override async Task<IReadOnlyList<Balance>> ReadAsync(PaymentDbContext db)
    {
        // From each account's checkpoint and its lines since, not from every line ever written.
        var sums = await (
            from totals in db.AccountTotals
            join account in db.Accounts.AsNoTracking() on totals.AccountId equals account.Id
            where account.Kind == AccountKind.Escrow || account.Kind == AccountKind.FxPosition || account.Kind == AccountKind.DutiesCollected
                  || account.Kind == AccountKind.FreightPayable
            group totals by new { account.Kind, account.Currency } into g
            select new { g.Key.Kind, g.Key.Currency, NetDebits = g.Sum(t => t.Debits - t.Credits) }).ToListAsync();

        // A wallet keeps its sum on its row; one below zero (more debited than credited) is owed to the hub.
        var owed = await db.Accounts.AsNoTracking()
            .Where(a => a.Kind == AccountKind.SmeWallet && a.KeptNetDebits > 0)
            .GroupBy(a => a.Currency)
            .Select(g => new { Currency = g.Key, Owed = g.Sum(a => a.KeptNetDebits) }).ToListAsync();

        // How far behind the checkpoint is: a job that stopped, or a transaction left open (which holds the mark back).
        var taken = await db.CheckpointMarks.AsNoTracking().Select(m => m.TakenAt).SingleOrDefaultAsync();
        var after = (await db.Database.SqlQuery<long>(
            $"SELECT COUNT(*) AS \"Value\" FROM posting_lines WHERE written_by >= (SELECT before_xid FROM ledger_checkpoint_marks WHERE id = {LedgerCheckpointMark.Only})")
            .ToListAsync()).Single();

        // Every kind summed is credit-normal: the balance is credits − debits.
        return
        [
            .. taken is { } at ? [new Balance(Figure.CheckpointTaken, "", new DateTimeOffset(at, TimeSpan.Zero).ToUnixTimeSeconds())] : Array.Empty<Balance>(),
            new Balance(Figure.LinesAfterCheckpoint, "", after),
            .. sums.Select(s => new Balance(s.Kind switch
            {
                AccountKind.Escrow => Figure.Escrow,
                AccountKind.FxPosition => Figure.FxPosition,
                AccountKind.DutiesCollected => Figure.DutiesCollected,
                AccountKind.FreightPayable => Figure.FreightPayable,
                _ => throw new UnreachableException($"The query reads no {s.Kind} accounts."),
            }, s.Currency, -s.NetDebits)),
            .. owed.Select(o => new Balance(Figure.WalletsOwed, o.Currency, o.Owed)),
        ];
    }

    internal sealed record Balance(Figure Figure, string Currency, decimal Amount);
}
