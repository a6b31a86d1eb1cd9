using Hub.Contracts.Customs;
using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.Data;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Outbox;

namespace Hub.Payment.Application;

/// <summary>
/// Charges the duties and taxes an import clearance of this hub assessed to the importer of record, into the hub's
/// duties-collected account (the hub, as declarant, owes them to its customs authority). The buyer pays from its
/// wallet, which may go below zero (the goods are released: the company then owes the hub, and secures nothing more
/// until its wallet is topped up); the supplier, importer of record under DDP, pays out of its share of the order's
/// escrow. Once per order, under the escrow's lock.
/// </summary>
internal sealed partial class DutiesDesk(
    PaymentDbContext db, EscrowDesk escrows, Ledger ledger, IOutbox outbox, ServiceIdentity identity, TimeProvider clock, ILogger<DutiesDesk> logger)
{
    public static string PostingKey(string order) => $"duties:{order}";

    /// <summary>
    /// Charges what <paramref name="cleared"/> assessed, inside the caller's transaction (the consumer's inbox); nothing
    /// for an order this hub holds no funds of, nor again.
    /// </summary>
    public async Task ChargeAsync(ImportCleared cleared, CancellationToken cancellationToken)
    {
        var order = cleared.OrderId;
        var escrow = await escrows.FindLockedAsync(order, cancellationToken);
        var charge = Money.FromMinorUnits(cleared.DutiesMinor + cleared.TaxesMinor, CurrencyCode.Parse(cleared.Currency));
        if (escrow is null || charge.Amount == 0 || await ledger.FindPostingAsync(PostingKey(order), cancellationToken) is not null)
        {
            return;
        }

        var collected = await ledger.AccountAsync(AccountKind.DutiesCollected, identity.Hub.ToString(), charge.Currency, cancellationToken);
        LedgerAccount payer;
        string from;
        Money taken;
        if (cleared.ImporterCompany == escrow.BuyerCompany)
        {
            (payer, from, taken) = (await ledger.AccountAsync(AccountKind.SmeWallet, escrow.BuyerCompany, charge.Currency, cancellationToken), DutiesCharged.FromWallet, charge);
        }
        else if (cleared.ImporterCompany == escrow.SupplierCompany)
        {
            if (charge.Currency != escrow.Paid.Currency)
            {
                LogNotCharged(order, charge.ToString(), $"the escrow holds {escrow.Currency}");
                return;
            }

            (payer, from, taken) = (await ledger.AccountAsync(AccountKind.Escrow, order, charge.Currency, cancellationToken), DutiesCharged.FromEscrow, escrow.PayDuties(charge));
        }
        else
        {
            LogNotCharged(order, charge.ToString(), $"the importer of record {cleared.ImporterCompany ?? "(none)"} is neither its buyer nor its supplier");
            return;
        }

        var uncollected = charge - taken;
        if (taken.Amount != 0)
        {
            PostingEntry[] entries = [PostingEntry.Debit(payer, taken), PostingEntry.Credit(collected, taken)];
            await ledger.EnsureRoomAsync(entries, cancellationToken);
            ledger.Post(PostingKey(order), $"Order {order}: import duties and taxes of declaration {cleared.DeclarationId} charged to {cleared.ImporterCompany} ({from})",
                entries);
        }
        else
        {
            LogNotCharged(order, charge.ToString(), $"its escrow holds {escrow.Remaining}, not more than the charge; left to the operators");
        }

        outbox.Publish(new DutiesCharged(order, cleared.DeclarationId, cleared.ImporterCompany!, from, cleared.DutiesMinor, cleared.TaxesMinor,
            taken.ToMinorUnits(), uncollected.ToMinorUnits(), charge.Currency.Code, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import duties and taxes of order {Order} ({Charge}) not charged: {Reason}")]
    private partial void LogNotCharged(string order, string charge, string reason);
}
