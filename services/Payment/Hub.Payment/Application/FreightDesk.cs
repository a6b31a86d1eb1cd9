using Hub.Contracts.Logistics;
using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.Data;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Outbox;

namespace Hub.Payment.Application;

/// <summary>
/// Books the freight of departed shipments. The origin hub, which contracts the carriage of its consolidated
/// shipments, owes the carriers each bill (the freight-payable account) and bills each consignment's share to its
/// payer: a company of this hub from its wallet, a buyer of another hub through that hub, which then owes the share and
/// charges its buyer (<see cref="ChargeFromPartnerAsync"/>). A wallet charged may go below zero: the goods have left,
/// and the company then owes the hub. Once per shipment and consignment, at each hub.
/// </summary>
internal sealed class FreightDesk(PaymentDbContext db, Ledger ledger, PartnerBills partnerBills, IOutbox outbox, ServiceIdentity identity, TimeProvider clock)
{
    public static string PostingKey(Guid shipment, string consignment) => $"freight:{shipment}:{consignment}";

    /// <summary>A share of the freight of a shipment that departed from this hub, posted inside the caller's transaction.</summary>
    public async Task BillAsync(FreightBilled bill, CompanyId payer, CancellationToken cancellationToken)
    {
        var key = PostingKey(bill.ShipmentId, bill.ConsignmentId);
        if (await ledger.FindPostingAsync(key, cancellationToken) is not null)
        {
            return;
        }

        var share = Money.FromMinorUnits(bill.AmountMinorUnits, CurrencyCode.Parse(bill.Currency));
        var payable = await ledger.AccountAsync(AccountKind.FreightPayable, identity.Hub.ToString(), share.Currency, cancellationToken);
        var what = $"Order {bill.OrderId}: freight of shipment {bill.MasterBill} for consignment {bill.ConsignmentId}";
        if (payer.Hub == identity.Hub)
        {
            var wallet = await ledger.AccountAsync(AccountKind.SmeWallet, payer.ToString(), share.Currency, cancellationToken);
            var charge = PostingEntry.Debit(wallet, share);
            await ledger.EnsureRoomAsync([charge], cancellationToken);
            ledger.Post(key, $"{what} charged to {payer}", charge, PostingEntry.Credit(payable, share));
            outbox.Publish(new FreightCharged(bill.OrderId, bill.ShipmentId, bill.ConsignmentId, payer.ToString(), share.ToMinorUnits(), share.Currency.Code,
                share.ToMinorUnits(), share.Currency.Code, clock.GetUtcNow().UtcDateTime));
        }
        else
        {
            // The buyer's hub owes the share from now on, and charges its buyer when the bill reaches it.
            var partner = await ledger.AccountAsync(AccountKind.PartnerHub, payer.Hub.ToString(), share.Currency, cancellationToken);
            ledger.Post(key, $"{what} billed to {payer} through hub {payer.Hub}", PostingEntry.Debit(partner, share), PostingEntry.Credit(payable, share));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// A share of the freight of a shipment that departed from <paramref name="originHub"/>, billed to a buyer of this hub:
    /// charged to its wallet in this hub's currency against what this hub now owes the origin hub
    /// (<see cref="PartnerBills"/>), inside the caller's transaction.
    /// </summary>
    /// <exception cref="PaymentException">No rate converts this hub's currency into the bill's: the bill waits to be delivered again.</exception>
    public async Task ChargeFromPartnerAsync(FreightBilled bill, CompanyId payer, HubId originHub, CancellationToken cancellationToken)
    {
        var billed = Money.FromMinorUnits(bill.AmountMinorUnits, CurrencyCode.Parse(bill.Currency));
        var what = $"Order {bill.OrderId}: freight of shipment {bill.MasterBill} for consignment {bill.ConsignmentId}";
        if (await partnerBills.ChargeAsync(PostingKey(bill.ShipmentId, bill.ConsignmentId), payer, billed, originHub, what, cancellationToken) is not { } charged)
        {
            return;
        }

        outbox.Publish(new FreightCharged(bill.OrderId, bill.ShipmentId, bill.ConsignmentId, payer.ToString(), charged.ToMinorUnits(), charged.Currency.Code,
            billed.ToMinorUnits(), billed.Currency.Code, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(cancellationToken);
    }
}
