using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.Payment.Data;
using Hub.Payment.Domain.Ledger;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Federation;
using MassTransit;

namespace Hub.Payment.Consumers;

/// <summary>
/// A partner hub refunded its buyer after releasing an order to one of this hub's suppliers, and claws the supplier's
/// share back: the supplier's wallet is charged here (it may go below zero) against what that hub no longer owes. Only a
/// message the gateway received from that very hub, about an order it owns, is taken; a repeat posts nothing.
/// </summary>
[TakesPartnerMessages]
internal sealed class SupplierClawbackConsumer(PaymentDbContext db, Ledger ledger, ServiceIdentity identity, ILogger<SupplierClawbackConsumer> logger)
    : IConsumer<SupplierClawbackSent>
{
    public async Task Consume(ConsumeContext<SupplierClawbackSent> context)
    {
        var m = context.Message;
        if (!PartnerSupplierMessage.IsGenuine(context, m.FromHub, m.SupplierCompany, m.OrderId, identity.Hub, logger, "Claw-back"))
        {
            return;
        }

        var key = $"clawback:{m.OrderId}";
        if (await ledger.FindPostingAsync(key, context.CancellationToken) is not null)
        {
            return;
        }

        var amount = Money.FromMinorUnits(m.AmountMinorUnits, CurrencyCode.Parse(m.Currency));
        var wallet = await ledger.AccountAsync(AccountKind.SmeWallet, m.SupplierCompany, amount.Currency, context.CancellationToken);
        var partner = await ledger.AccountAsync(AccountKind.PartnerHub, m.FromHub, amount.Currency, context.CancellationToken);
        ledger.Post(key, $"Order {m.OrderId}: refund to its buyer after the release, clawed back from {m.SupplierCompany} for hub {m.FromHub}",
            PostingEntry.Debit(wallet, amount),
            PostingEntry.Credit(partner, amount));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
