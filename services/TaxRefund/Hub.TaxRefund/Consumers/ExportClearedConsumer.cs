using Hub.Contracts.Customs;
using Hub.TaxRefund.Application;
using Hub.TaxRefund.Data;
using MassTransit;

namespace Hub.TaxRefund.Consumers;

/// <summary>An export declaration was cleared: evidence for the order, and the claim opens if the export is this hub's.</summary>
internal sealed class ExportClearedConsumer(ClaimDesk desk, TaxRefundDbContext db) : IConsumer<ExportCleared>
{
    public async Task Consume(ConsumeContext<ExportCleared> context)
    {
        var m = context.Message;
        await desk.RecordAsync(m.OrderId, e => e.RecordExportCleared(m.Hub, m.DeclarationId, m.Mrn, DateTime.SpecifyKind(m.ClearedAt, DateTimeKind.Utc)), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
