using Hub.Contracts.Values;
using Hub.Payment.Data;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Hosting;

namespace Hub.Payment.Application;

/// <summary>Credits SME wallets with the demo hub's test money (there is no card network), once per key.</summary>
internal sealed class WalletDesk(PaymentDbContext db, Ledger ledger, ServiceIdentity identity)
{
    /// <summary>
    /// Credits <paramref name="amount"/> to the wallet of <paramref name="company"/>, a company of this hub, once per
    /// <paramref name="key"/>.
    /// </summary>
    /// <exception cref="PaymentException">
    /// The company is not this hub's (not found), the key was used for another amount, or the wallet or the hub's clearing
    /// account would hold more than the largest balance.
    /// </exception>
    public async Task<(Guid PostingId, bool Replayed)> CreditTestMoneyAsync(CompanyId company, Money amount, string key, string operatorId, CancellationToken cancellationToken)
    {
        if (company.Hub != identity.Hub)
        {
            throw new PaymentException(PaymentErrorKind.NotFound, "company-not-found", $"No company {company} at hub {identity.Hub}.");
        }

        return await db.RunAsync(async () =>
        {
            var postingKey = $"credit:{company}:{key}";
            var wallet = await ledger.AccountAsync(AccountKind.SmeWallet, company.ToString(), amount.Currency, cancellationToken);
            if (await ledger.FindPostingAsync(postingKey, cancellationToken) is { } earlier)
            {
                if (!earlier.Lines.Any(l => l.AccountId == wallet.Id && l.Amount == -amount.Amount))
                {
                    throw new PaymentException(PaymentErrorKind.Conflict, "credit-key-reused", $"Credit '{key}' of {company} was for another amount.", "idempotencyKey");
                }

                return (earlier.Id, true);
            }

            var clearing = await ledger.AccountAsync(AccountKind.Clearing, identity.Hub.ToString(), amount.Currency, cancellationToken);
            PostingEntry[] entries = [PostingEntry.Credit(wallet, amount), PostingEntry.Debit(clearing, amount)];
            await ledger.EnsureRoomAsync(entries, cancellationToken);
            var posting = ledger.Post(postingKey, $"Test money for {company} credited by {operatorId}", entries);
            await db.SaveChangesAsync(cancellationToken);
            return (posting.Id, false);
        }, cancellationToken);
    }
}
