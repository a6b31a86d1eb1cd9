using Hub.Contracts.Logistics;
using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Federation;
using MassTransit;

namespace Hub.Payment.Consumers;

/// <summary>
/// A departed shipment's freight, billed per consignment (<see cref="FreightDesk"/>): this hub's own departures are
/// booked here; a partner hub's bill for a buyer of this hub is charged to the buyer, taken only from the hub the
/// consignment shipped from and for an order this hub owns. A partner's bill for its own supplier is not this hub's.
/// </summary>
[TakesPartnerMessages]
internal sealed partial class FreightBilledConsumer(FreightDesk desk, ServiceIdentity identity, ILogger<FreightBilledConsumer> logger) : IConsumer<FreightBilled>
{
    public async Task Consume(ConsumeContext<FreightBilled> context)
    {
        var m = context.Message;
        var sender = FederatedMessage.SourceHubOf(context);
        if (!ConsignmentId.TryParse(m.ConsignmentId, out var consignment) || !CompanyId.TryParse(m.PayerCompany, out var payer) || !OrderId.TryParse(m.OrderId, out var order))
        {
            LogRefused(m.OrderId, m.ConsignmentId, sender ?? "(this hub's bus)", "its ids are not well formed");
            return;
        }

        if (sender is null)
        {
            if (consignment.Hub != identity.Hub)
            {
                LogRefused(m.OrderId, m.ConsignmentId, "(this hub's bus)", $"the consignment shipped from hub {consignment.Hub}");
                return;
            }

            await desk.BillAsync(m, payer, context.CancellationToken);
            return;
        }

        if (payer.Hub != identity.Hub)
        {
            // The origin hub billed its own supplier: nothing for this hub's ledger.
            return;
        }

        if (sender != consignment.Hub.ToString() || order.Hub != identity.Hub)
        {
            LogRefused(m.OrderId, m.ConsignmentId, sender, $"the consignment shipped from hub {consignment.Hub} and the order is of hub {order.Hub}");
            return;
        }

        await desk.ChargeFromPartnerAsync(m, payer, consignment.Hub, context.CancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Freight of order {Order} for consignment {Consignment} from {Sender} refused: {Reason}")]
    private partial void LogRefused(string order, string consignment, string sender, string reason);
}
