using Hub.Contracts.Values;
using Hub.Payment.Data;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Ledger;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Application;

/// <summary>Opens accounts, locks them, derives balances and adds postings to the current unit of work.</summary>
internal sealed class Ledger(PaymentDbContext db, TimeProvider clock)
{
    /// <summary>The account, opened on first use. Safe under concurrency: a racing opener's row wins, ours is dropped.</summary>
    public async Task<LedgerAccount> AccountAsync(AccountKind kind, string owner, CurrencyCode currency, CancellationToken cancellationToken)
    {
        var existing = await FindAsync(kind, owner, currency, cancellationToken);
        if (existing is not null)
        {
            return existing;
        }

        var account = LedgerAccount.Open(kind, owner, currency, clock.GetUtcNow().UtcDateTime);
        await db.Database.ExecuteSqlInterpolatedAsync(
            $"INSERT INTO ledger_accounts (id, kind, owner, currency, opened_at) VALUES ({account.Id}, {kind.ToString()}, {owner}, {currency.Code}, {account.OpenedAt}) ON CONFLICT (kind, owner, currency) DO NOTHING",
            cancellationToken);
        return await FindAsync(kind, owner, currency, cancellationToken)
            ?? throw new InvalidOperationException($"Account {kind} {owner} {currency} vanished after opening.");
    }

    /// <summary>
    /// Holds the account's row until the transaction ends, so balance checks and postings on it serialize. The lock is
    /// the one an update of its balance takes (no key changes): it leaves the rows that refer to the account (a line, a
    /// ledger checkpoint written meanwhile) free to check it, so that they never wait on it nor it on them.
    /// </summary>
    public Task LockAsync(LedgerAccount account, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM ledger_accounts WHERE id = {account.Id} FOR NO KEY UPDATE", cancellationToken);

    /// <summary>
    /// The balance as committed plus what this transaction has saved: from the sum the database keeps on the account for
    /// the kinds that keep one, from its lines for any other.
    /// </summary>
    public async Task<Money> BalanceAsync(LedgerAccount account, CancellationToken cancellationToken) =>
        account.BalanceFrom(await NetDebitsAsync(account, cancellationToken));

    /// <summary>
    /// Refuses entries that would take an account's balance beyond <see cref="MoneyBounds.MaxBalanceMinorUnits"/>. Each
    /// account is locked first, in the order given, so that concurrent postings to it cannot both pass.
    /// </summary>
    /// <exception cref="PaymentException">An account would hold more than the bound; nothing is posted.</exception>
    public async Task EnsureRoomAsync(IEnumerable<PostingEntry> entries, CancellationToken cancellationToken)
    {
        foreach (var entry in entries)
        {
            var account = entry.Account;
            await LockAsync(account, cancellationToken);
            var after = account.BalanceFrom(await NetDebitsAsync(account, cancellationToken) + entry.Amount.Amount);
            if (!MoneyBounds.IsWithinBalance(after))
            {
                var moved = new Money(Math.Abs(entry.Amount.Amount), entry.Amount.Currency);
                throw new PaymentException(PaymentErrorKind.Refused, "balance-limit",
                    $"{moved} would take the balance of {account.Kind} {account.Owner} to {after}, beyond the {MoneyBounds.LargestBalance(after.Currency)} an account may hold.",
                    "amount");
            }
        }
    }

    public Task<Posting?> FindPostingAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        db.Postings.Include(p => p.Lines).SingleOrDefaultAsync(p => p.IdempotencyKey == idempotencyKey, cancellationToken);

    /// <exception cref="LedgerException">The entries do not make a balanced posting.</exception>
    public Posting Post(string idempotencyKey, string description, params PostingEntry[] entries)
    {
        var posting = Posting.Create(idempotencyKey, description, clock.GetUtcNow().UtcDateTime, entries);
        db.Postings.Add(posting);
        return posting;
    }

    /// <summary>
    /// The net debits of each of <paramref name="accounts"/> as committed (read with them): from the row for the kinds
    /// that keep a balance, from their checkpoints and lines since for the others, in one query.
    /// </summary>
    public async Task<Dictionary<Guid, decimal>> NetDebitsAsync(IReadOnlyCollection<LedgerAccount> accounts, CancellationToken cancellationToken)
    {
        var read = accounts.Where(a => !a.Kind.KeepsBalance()).Select(a => a.Id).ToList();
        var totals = read.Count == 0
            ? []
            : await db.AccountTotals.Where(t => read.Contains(t.AccountId)).ToDictionaryAsync(t => t.AccountId, t => t.Debits - t.Credits, cancellationToken);
        return accounts.ToDictionary(a => a.Id, a => a.Kind.KeepsBalance() ? a.KeptNetDebits : totals.GetValueOrDefault(a.Id));
    }

    private async Task<decimal> NetDebitsAsync(LedgerAccount account, CancellationToken cancellationToken) =>
        account.Kind.KeepsBalance()
            ? await db.Accounts.Where(a => a.Id == account.Id).Select(a => a.KeptNetDebits).SingleAsync(cancellationToken)
            : await db.AccountTotals.Where(t => t.AccountId == account.Id).Select(t => t.Debits - t.Credits).SingleOrDefaultAsync(cancellationToken);

    private Task<LedgerAccount?> FindAsync(AccountKind kind, string owner, CurrencyCode currency, CancellationToken cancellationToken) =>
        db.Accounts.SingleOrDefaultAsync(a => a.Kind == kind && a.Owner == owner && a.Currency == currency.Code, cancellationToken);
}
