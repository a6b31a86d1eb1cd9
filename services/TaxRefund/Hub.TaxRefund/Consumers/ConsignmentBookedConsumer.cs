using Hub.Contracts.Logistics;
using Hub.TaxRefund.Application;
using Hub.TaxRefund.Data;
using MassTransit;

namespace Hub.TaxRefund.Consumers;

/// <summary>An order's goods were booked: the consignment the claim is for, and the supplier who may see it.</summary>
internal sealed class ConsignmentBookedConsumer(ClaimDesk desk, TaxRefundDbContext db) : IConsumer<ConsignmentBooked>
{
    public async Task Consume(ConsumeContext<ConsignmentBooked> context)
    {
        var m = context.Message;
        await desk.RecordAsync(m.OrderId, e => e.RecordBooking(m.ConsignmentId, m.CompanyId), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
