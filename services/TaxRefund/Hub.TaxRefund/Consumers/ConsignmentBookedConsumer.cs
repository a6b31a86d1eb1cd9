using Hub.Contracts.Logistics;
using Hub.ServiceDefaults.Messaging.Federation;
using Hub.TaxRefund.Application;
using Hub.TaxRefund.Data;
using MassTransit;

namespace Hub.TaxRefund.Consumers;

/// <summary>An order's goods were booked: the consignment the claim is for, and the supplier who may see it.</summary>
internal sealed class ConsignmentBookedConsumer(ClaimDesk desk, TaxRefundDbContext db) : IConsumer<ConsignmentBooked>
{
    public async Task Consume(ConsumeContext<ConsignmentBooked> context)
    {
        // This hub's exports are what its own logistics states: a copy a partner hub sent (about an order it owns) is not.
        if (FederatedMessage.SourceHubOf(context) is not null)
        {
            return;
        }

        var m = context.Message;
        await desk.RecordAsync(m.OrderId, e => e.RecordBooking(m.ConsignmentId, m.CompanyId), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
