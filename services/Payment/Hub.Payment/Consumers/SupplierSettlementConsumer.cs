using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.Payment.Data;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Federation;
using Hub.ServiceDefaults.Messaging.Outbox;
using MassTransit;

namespace Hub.Payment.Consumers;

/// <summary>
/// A partner hub released an order's escrow for one of this hub's suppliers: the supplier's wallet is credited here, in
/// its own currency, against what that hub now owes this one, and <see cref="PayoutMade"/> says so (the tax refund
/// takes it as the payment evidence). Only a message the gateway received from that very hub, about an order it owns,
/// is taken; a repeat finds the posting it made before and posts nothing.
/// </summary>
[TakesPartnerMessages]
internal sealed class SupplierSettlementConsumer(
    PaymentDbContext db, Ledger ledger, IOutbox outbox, ServiceIdentity identity, TimeProvider clock, ILogger<SupplierSettlementConsumer> logger)
    : IConsumer<SupplierSettlementSent>
{
    public async Task Consume(ConsumeContext<SupplierSettlementSent> context)
    {
        var m = context.Message;
        if (!PartnerSupplierMessage.IsGenuine(context, m.FromHub, m.SupplierCompany, m.OrderId, identity.Hub, logger, "Settlement"))
        {
            return;
        }

        var reference = $"release:{m.OrderId}";
        var key = $"payout:{reference}";
        if (await ledger.FindPostingAsync(key, context.CancellationToken) is not null)
        {
            return;
        }

        var amount = Money.FromMinorUnits(m.AmountMinorUnits, CurrencyCode.Parse(m.Currency));
        var partner = await ledger.AccountAsync(AccountKind.PartnerHub, m.FromHub, amount.Currency, context.CancellationToken);
        var wallet = await ledger.AccountAsync(AccountKind.SmeWallet, m.SupplierCompany, amount.Currency, context.CancellationToken);
        var posting = ledger.Post(key, $"Order {m.OrderId}: settlement from hub {m.FromHub} paid to {m.SupplierCompany}",
            PostingEntry.Debit(partner, amount),
            PostingEntry.Credit(wallet, amount));
        outbox.Publish(new PayoutMade(reference, m.SupplierCompany, amount.ToMinorUnits(), amount.Currency.Code, posting.Id, clock.GetUtcNow().UtcDateTime));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
