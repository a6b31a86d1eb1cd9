using Hub.Contracts.Values;
using Hub.Payment.Data;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Application;

/// <summary>
/// What this hub and its partner hubs owe each other — settlements sent to their suppliers, freight billed to their
/// buyers, claw-backs — kept per partner and currency on the partner-hub accounts, and the bank transfers between the
/// hubs that settle it, which operators record here once made.
/// </summary>
internal sealed class PartnerDesk(PaymentDbContext db, Ledger ledger, ServiceIdentity identity)
{
    /// <summary>Each partner's balance per currency: positive when this hub owes the partner, negative when the partner owes it.</summary>
    public async Task<IReadOnlyList<(string Hub, Money Balance)>> BalancesAsync(CancellationToken cancellationToken)
    {
        var accounts = await db.Accounts.AsNoTracking().Where(a => a.Kind == AccountKind.PartnerHub).OrderBy(a => a.Owner).ThenBy(a => a.Currency)
            .ToListAsync(cancellationToken);
        var net = await ledger.NetDebitsAsync(accounts, cancellationToken);
        return [.. accounts.Select(a => (a.Owner, a.BalanceFrom(net[a.Id])))];
    }

    /// <summary>
    /// Records a bank transfer with <paramref name="partner"/> that settles part or all of what one hub owes the other:
    /// <paramref name="paid"/> when this hub paid (Dr partner hub / Cr clearing), otherwise when the partner did (Dr
    /// clearing / Cr partner hub). Once per key; the partner's balance after it.
    /// </summary>
    /// <exception cref="PaymentException">
    /// No account with the partner in that currency (not found); the key was used for another transfer, or the transfer is
    /// more than the side paying it owes (conflict).
    /// </exception>
    public Task<(Guid PostingId, bool Replayed, Money Balance)> SettleAsync(
        HubId partner, bool paid, Money amount, string key, string reference, string operatorId, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            var postingKey = $"partner-settlement:{partner}:{key}";
            var owner = partner.ToString();
            var account = await db.Accounts.SingleOrDefaultAsync(a => a.Kind == AccountKind.PartnerHub && a.Owner == owner && a.Currency == amount.Currency.Code, cancellationToken)
                ?? throw new PaymentException(PaymentErrorKind.NotFound, "partner-not-found", $"This hub has no account with hub {partner} in {amount.Currency}: nothing to settle.");
            if (await ledger.FindPostingAsync(postingKey, cancellationToken) is { } earlier)
            {
                var line = paid ? amount.Amount : -amount.Amount;
                return earlier.Lines.Any(l => l.AccountId == account.Id && l.Amount == line)
                    ? (earlier.Id, true, await ledger.BalanceAsync(account, cancellationToken))
                    : throw new PaymentException(PaymentErrorKind.Conflict, "settlement-key-reused", $"Settlement '{key}' with hub {partner} was another transfer.", "idempotencyKey");
            }

            await ledger.LockAsync(account, cancellationToken);
            var balance = await ledger.BalanceAsync(account, cancellationToken);
            var owed = paid ? balance : -balance;
            if (amount > owed)
            {
                var who = paid ? $"this hub owes hub {partner}" : $"hub {partner} owes this hub";
                throw new PaymentException(PaymentErrorKind.Conflict, "settlement-exceeds-balance",
                    $"A transfer of {amount} is more than {who} ({(owed.Amount > 0 ? owed : Money.Zero(amount.Currency))}).", "amount");
            }

            var clearing = await ledger.AccountAsync(AccountKind.Clearing, identity.Hub.ToString(), amount.Currency, cancellationToken);
            var bank = paid ? PostingEntry.Credit(clearing, amount) : PostingEntry.Debit(clearing, amount);
            var owing = paid ? PostingEntry.Debit(account, amount) : PostingEntry.Credit(account, amount);
            await ledger.EnsureRoomAsync([bank], cancellationToken);
            var posting = ledger.Post(postingKey,
                paid ? $"Settlement paid to hub {partner} ({reference}), recorded by {operatorId}" : $"Settlement received from hub {partner} ({reference}), recorded by {operatorId}",
                owing, bank);
            await db.SaveChangesAsync(cancellationToken);
            return (posting.Id, false, await ledger.BalanceAsync(account, cancellationToken));
        }, cancellationToken);
}
