using Hub.Payment.Data;
using Hub.Payment.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Application;

/// <summary>
/// Folds the lines of ended transactions into each account's <see cref="LedgerCheckpoint"/> and moves the mark past
/// them, so that balances, the trial balance and the gauges read a checkpoint and a short tail of lines rather than
/// every line ever written. It takes no lock a posting waits for: each line carries the id of the transaction that
/// wrote it, and the mark is the oldest transaction id still running (PostgreSQL's snapshot horizon), below which every
/// transaction has committed or rolled back — a line written later, or by a transaction still open, comes after the
/// mark and is read with the tail. Replicas taking checkpoints at once serialize on the mark's row.
/// </summary>
internal sealed partial class LedgerCheckpointer(PaymentDbContext db, ILogger<LedgerCheckpointer> logger)
{
    /// <summary>Folds in the lines written by the transactions that ended since the last checkpoint.</summary>
    /// <returns>The lines folded in; 0 when no transaction ended since.</returns>
    public async Task<long> TakeAsync(CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var before = (await db.Database.SqlQuery<long>(
            $"SELECT before_xid AS \"Value\" FROM ledger_checkpoint_marks WHERE id = {LedgerCheckpointMark.Only} FOR UPDATE").ToListAsync(cancellationToken)).Single();
        // Read in a statement of its own: every transaction below it has ended, so every statement after this one sees
        // all the lines they committed.
        var horizon = await db.Database.SqlQuery<long>($"SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint AS \"Value\"").SingleAsync(cancellationToken);
        if (horizon <= before)
        {
            return 0;
        }

        // Not composed into a query of EF's: a statement that writes in its WITH must stand at the top.
        var lines = (await db.Database.SqlQuery<long>($"""
            WITH folded AS (
                SELECT account_id, SUM(GREATEST(amount, 0)) AS debits, SUM(GREATEST(-amount, 0)) AS credits, COUNT(*) AS lines
                FROM posting_lines WHERE written_by >= {before} AND written_by < {horizon}
                GROUP BY account_id),
            kept AS (
                INSERT INTO ledger_checkpoints (account_id, debits, credits, lines)
                SELECT account_id, debits, credits, lines FROM folded
                ON CONFLICT (account_id) DO UPDATE SET debits = ledger_checkpoints.debits + excluded.debits,
                    credits = ledger_checkpoints.credits + excluded.credits, lines = ledger_checkpoints.lines + excluded.lines)
            SELECT COALESCE(SUM(lines), 0)::bigint AS "Value" FROM folded
            """).ToListAsync(cancellationToken)).Single();
        await db.Database.ExecuteSqlAsync(
            $"UPDATE ledger_checkpoint_marks SET before_xid = {horizon}, taken_at = now() WHERE id = {LedgerCheckpointMark.Only}", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogTaken(before, horizon, lines);
        return lines;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Ledger checkpoint moved from transaction {From} to {Before}: {Lines} lines folded in")]
    private partial void LogTaken(long from, long before, long lines);
}
