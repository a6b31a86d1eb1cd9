using Hub.Contracts.Logistics;
using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Federation;
using MassTransit;

namespace Hub.Payment.Consumers;

/// <summary>
/// A shipment departed with orders of this hub on board: each order's escrow records its first departure, and one that
/// came after the promised date pays the buyer its compensation (<see cref="EscrowDesk.RecordDepartureAsync"/>). A
/// partner hub's copy is taken only from the hub the shipment left, and speaks only for this hub's orders.
/// </summary>
[TakesPartnerMessages]
internal sealed partial class DepartureConsumer(EscrowDesk desk, ServiceIdentity identity, ILogger<DepartureConsumer> logger) : IConsumer<ShipmentDeparted>
{
    public async Task Consume(ConsumeContext<ShipmentDeparted> context)
    {
        var m = context.Message;
        if (FederatedMessage.SourceHubOf(context) is { } sender && sender != m.Origin)
        {
            LogRefused(m.MasterBill, m.Origin, sender);
            return;
        }

        // Escrows are locked in order of their ids, so two shipments sharing orders never wait on each other.
        var owned = m.OrderIds.Distinct().Where(id => OrderId.TryParse(id, out var order) && order.Hub == identity.Hub).Order(StringComparer.Ordinal);
        foreach (var order in owned)
        {
            await desk.RecordDepartureAsync(order, m.DepartedAt, context.CancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Departure of shipment {MasterBill} from hub {Origin} refused: it came from hub {Sender}")]
    private partial void LogRefused(string masterBill, string origin, string sender);
}
