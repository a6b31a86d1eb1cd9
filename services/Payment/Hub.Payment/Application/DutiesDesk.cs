using Hub.Contracts.Customs;
using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.Data;
using Hub.Payment.Domain.Escrows;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Outbox;

namespace Hub.Payment.Application;

/// <summary>
/// Charges the duties and taxes an import clearance of this hub assessed to the importer of record, into the hub's
/// duties-collected account (the hub, as declarant, owes them to its customs authority). The buyer pays from its
/// wallet, which may go below zero (the goods are released: the company then owes the hub, and secures nothing more
/// until its wallet is topped up); the supplier, importer of record under DDP, pays out of its share of the order's
/// escrow, or, when the escrow cannot bear them, from its wallet here or through its hub
/// (<see cref="SupplierDutiesBilled"/>), which then owes them. Once per order, under the escrow's lock.
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
        var importer = cleared.ImporterCompany;
        LedgerAccount payer;
        string from;
        if (importer == escrow.BuyerCompany)
        {
            (payer, from) = (await ledger.AccountAsync(AccountKind.SmeWallet, escrow.BuyerCompany, charge.Currency, cancellationToken), DutiesCharged.FromWallet);
        }
        else if (importer == escrow.SupplierCompany)
        {
            if (charge.Currency != escrow.Paid.Currency)
            {
                LogNotCharged(order, charge.ToString(), $"the escrow holds {escrow.Currency}");
                return;
            }

            (payer, from) = await SupplierPaysAsync(escrow, charge, cancellationToken);
        }
        else
        {
            LogNotCharged(order, charge.ToString(), $"the importer of record {importer ?? "(none)"} is neither its buyer nor its supplier");
            return;
        }

        PostingEntry[] entries = [PostingEntry.Debit(payer, charge), PostingEntry.Credit(collected, charge)];
        await ledger.EnsureRoomAsync(entries, cancellationToken);
        var posting = ledger.Post(PostingKey(order), $"Order {order}: import duties and taxes of declaration {cleared.DeclarationId} charged to {importer} ({from})",
            entries);
        var now = clock.GetUtcNow().UtcDateTime;
        if (from == DutiesCharged.FromSupplierHub)
        {
            outbox.PublishToHub(CompanyId.Parse(escrow.SupplierCompany).Hub,
                new SupplierDutiesBilled(order, cleared.DeclarationId, escrow.SupplierCompany, charge.ToMinorUnits(), charge.Currency.Code, identity.Hub.ToString(), posting.Id, now));
        }

        outbox.Publish(new DutiesCharged(order, cleared.DeclarationId, importer!, from, cleared.DutiesMinor, cleared.TaxesMinor, charge.ToMinorUnits(), charge.Currency.Code, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    // The supplier, importer of record under DDP, pays out of its share of the escrow; an escrow that cannot bear the
    // charge (refunded in part meanwhile) leaves it to the supplier's wallet here, or to its hub, billed for it.
    private async Task<(LedgerAccount Payer, string From)> SupplierPaysAsync(Escrow escrow, Money charge, CancellationToken cancellationToken)
    {
        if (escrow.PayDuties(charge).Amount != 0)
        {
            return (await ledger.AccountAsync(AccountKind.Escrow, escrow.OrderId, charge.Currency, cancellationToken), DutiesCharged.FromEscrow);
        }

        var account = await escrows.SupplierAccountAsync(escrow, charge.Currency, cancellationToken);
        return (account, account.Kind == AccountKind.SmeWallet ? DutiesCharged.FromWallet : DutiesCharged.FromSupplierHub);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Import duties and taxes of order {Order} ({Charge}) not charged: {Reason}")]
    private partial void LogNotCharged(string order, string charge, string reason);
}
