using Hub.Contracts.Payment;
using Hub.TaxRefund.Application;
using Hub.TaxRefund.Data;
using MassTransit;

namespace Hub.TaxRefund.Consumers;

/// <summary>The buyer's money was released to the supplier: payment-received evidence for the order.</summary>
internal sealed class EscrowReleasedConsumer(ClaimDesk desk, TaxRefundDbContext db) : IConsumer<EscrowReleased>
{
    public async Task Consume(ConsumeContext<EscrowReleased> context)
    {
        var m = context.Message;
        await desk.RecordAsync(m.OrderId, e => e.RecordPayment(m.SupplierCompany, DateTime.SpecifyKind(m.ReleasedAt, DateTimeKind.Utc)), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
