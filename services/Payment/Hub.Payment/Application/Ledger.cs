using Hub.Contracts.Values;
using Hub.Payment.Data;
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

    /// <summary>Holds the account's row until the transaction ends, so balance checks and postings on it serialize.</summary>
    public Task LockAsync(LedgerAccount account, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM ledger_accounts WHERE id = {account.Id} FOR UPDATE", cancellationToken);

    /// <summary>
    /// The balance as committed plus what this transaction has saved: a wallet's from the sum the database keeps on it,
    /// any other account's from its lines.
    /// </summary>
    public async Task<Money> BalanceAsync(LedgerAccount account, CancellationToken cancellationToken)
    {
        var net = account.Kind == AccountKind.SmeWallet
            ? await db.Accounts.Where(a => a.Id == account.Id).Select(a => a.WalletNetDebits).SingleAsync(cancellationToken)
            : await db.PostingLines.Where(l => l.AccountId == account.Id).SumAsync(l => l.Amount, cancellationToken);
        return account.BalanceFrom(net);
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

    private Task<LedgerAccount?> FindAsync(AccountKind kind, string owner, CurrencyCode currency, CancellationToken cancellationToken) =>
        db.Accounts.SingleOrDefaultAsync(a => a.Kind == kind && a.Owner == owner && a.Currency == currency.Code, cancellationToken);
}
