using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.Data;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Ledger;
using Hub.Payment.Domain.Payouts;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Outbox;

namespace Hub.Payment.Application;

/// <summary>
/// Pays a company on another service's behalf (export VAT refunds): the hub's tax-refund payable account is debited
/// and the payee's wallet credited, once per reference.
/// </summary>
internal sealed class PayoutDesk(PaymentDbContext db, Ledger ledger, IOutbox outbox, ServiceIdentity identity, TimeProvider clock)
{
    public Task<(Payout Payout, bool Replayed)> PayAsync(string reference, CompanyId payee, Money amount, CancellationToken cancellationToken) =>
        db.RunAsync(async () =>
        {
            if (await db.Payouts.FindAsync([reference], cancellationToken) is { } earlier)
            {
                if (earlier.PayeeCompany != payee.ToString() || earlier.Paid != amount)
                {
                    throw new PaymentException(PaymentErrorKind.Conflict, "payout-reference-reused", $"Payout '{reference}' paid {earlier.Paid} to {earlier.PayeeCompany}.", "reference");
                }

                return (earlier, true);
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var source = await ledger.AccountAsync(AccountKind.TaxRefundPayable, identity.Hub.ToString(), amount.Currency, cancellationToken);
            var wallet = await ledger.AccountAsync(AccountKind.SmeWallet, payee.ToString(), amount.Currency, cancellationToken);
            PostingEntry[] entries = [PostingEntry.Credit(wallet, amount), PostingEntry.Debit(source, amount)];
            await ledger.EnsureRoomAsync(entries, cancellationToken);
            var posting = ledger.Post($"payout:{reference}", $"Payout '{reference}' to {payee}", entries);
            var payout = Payout.Make(reference, payee, amount, posting.Id, now);
            db.Payouts.Add(payout);
            outbox.Publish(new PayoutMade(reference, payout.PayeeCompany, amount.ToMinorUnits(), amount.Currency.Code, posting.Id, now));
            await db.SaveChangesAsync(cancellationToken);
            return (payout, false);
        }, cancellationToken);
}
