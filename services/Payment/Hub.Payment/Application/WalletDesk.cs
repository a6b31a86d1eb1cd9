using Hub.Contracts.Values;
using Hub.Payment.Data;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Hosting;

namespace Hub.Payment.Application;

/// <summary>Credits SME wallets with the demo hub's test money (there is no card network), once per key.</summary>
internal sealed class WalletDesk(PaymentDbContext db, Ledger ledger, ServiceIdentity identity)
{
    public Task<(Guid PostingId, bool Replayed)> CreditTestMoneyAsync(CompanyId company, Money amount, string key, string operatorId, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
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
            var posting = ledger.Post(postingKey, $"Test money for {company} credited by {operatorId}",
                PostingEntry.Debit(clearing, amount),
                PostingEntry.Credit(wallet, amount));
            await db.SaveChangesAsync(cancellationToken);
            return (posting.Id, false);
        }, cancellationToken);
}
