using Hub.Contracts.Logistics;
using Hub.TaxRefund.Application;
using Hub.TaxRefund.Data;
using MassTransit;

namespace Hub.TaxRefund.Consumers;

/// <summary>A shipment left its origin: departure evidence (master bill) for every order on board.</summary>
internal sealed class ShipmentDepartedConsumer(ClaimDesk desk, TaxRefundDbContext db) : IConsumer<ShipmentDeparted>
{
    public async Task Consume(ConsumeContext<ShipmentDeparted> context)
    {
        var m = context.Message;
        foreach (var orderId in m.OrderIds.Distinct(StringComparer.Ordinal))
        {
            await desk.RecordAsync(orderId, e => e.RecordDeparture(m.MasterBill, DateTime.SpecifyKind(m.DepartedAt, DateTimeKind.Utc)), context.CancellationToken);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
