using Hub.Contracts.Customs;
using Hub.ServiceDefaults.Messaging.Federation;
using Hub.TaxRefund.Application;
using Hub.TaxRefund.Data;
using MassTransit;

namespace Hub.TaxRefund.Consumers;

/// <summary>An export declaration was cleared: evidence for the order, and the claim opens if the export is this hub's.</summary>
internal sealed class ExportClearedConsumer(ClaimDesk desk, TaxRefundDbContext db) : IConsumer<ExportCleared>
{
    public async Task Consume(ConsumeContext<ExportCleared> context)
    {
        // This hub's exports are what its own customs states: a copy a partner hub sent (about an order it owns) is not.
        if (FederatedMessage.SourceHubOf(context) is not null)
        {
            return;
        }

        var m = context.Message;
        await desk.RecordAsync(m.OrderId, e => e.RecordExportCleared(m.Hub, m.DeclarationId, m.Mrn, DateTime.SpecifyKind(m.ClearedAt, DateTimeKind.Utc)), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
