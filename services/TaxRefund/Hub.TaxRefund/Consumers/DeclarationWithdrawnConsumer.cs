using Hub.Contracts.Customs;
using Hub.ServiceDefaults.Hosting;
using Hub.TaxRefund.Data;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Hub.TaxRefund.Consumers;

/// <summary>This hub's export declaration was withdrawn: the goods never left, so its claim closes unfiled.</summary>
internal sealed class DeclarationWithdrawnConsumer(TaxRefundDbContext db, ServiceIdentity identity) : IConsumer<DeclarationWithdrawn>
{
    public async Task Consume(ConsumeContext<DeclarationWithdrawn> context)
    {
        var m = context.Message;
        if (m.Type != "Export" || m.Hub != identity.Hub.ToString())
        {
            return;
        }

        var claim = await db.Claims.FirstOrDefaultAsync(c => c.DeclarationId == m.DeclarationId, context.CancellationToken);
        if (claim?.Withdraw(m.Reason, DateTime.SpecifyKind(m.WithdrawnAt, DateTimeKind.Utc)) == true)
        {
            await db.SaveChangesAsync(context.CancellationToken);
        }
    }
}
