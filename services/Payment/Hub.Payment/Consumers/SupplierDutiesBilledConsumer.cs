using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.Payment.Data;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Federation;
using MassTransit;

namespace Hub.Payment.Consumers;

/// <summary>
/// A partner hub paid the duties and taxes of an import for one of this hub's suppliers (DDP, the escrow unable to bear
/// them) and bills them here: the supplier's wallet is charged in this hub's currency against what that hub is now
/// owed (<see cref="PartnerBills"/>). Only a message the gateway received from that very hub, about an order it owns, is
/// taken; a repeat posts nothing.
/// </summary>
[TakesPartnerMessages]
internal sealed class SupplierDutiesBilledConsumer(PaymentDbContext db, PartnerBills bills, ServiceIdentity identity, ILogger<SupplierDutiesBilledConsumer> logger)
    : IConsumer<SupplierDutiesBilled>
{
    public async Task Consume(ConsumeContext<SupplierDutiesBilled> context)
    {
        var m = context.Message;
        if (!PartnerSupplierMessage.IsGenuine(context, m.FromHub, m.SupplierCompany, m.OrderId, identity.Hub, logger, "Duties bill"))
        {
            return;
        }

        var billed = Money.FromMinorUnits(m.AmountMinorUnits, CurrencyCode.Parse(m.Currency));
        await bills.ChargeAsync($"duties:{m.OrderId}", CompanyId.Parse(m.SupplierCompany), billed, HubId.Parse(m.FromHub),
            $"Order {m.OrderId}: import duties and taxes of declaration {m.DeclarationId} (DDP)", context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
