using Hub.Contracts.Payment;
using Hub.TaxRefund.Application;
using Hub.TaxRefund.Data;
using MassTransit;

namespace Hub.TaxRefund.Consumers;

/// <summary>
/// A supplier's escrow settlement was paid out (reference <c>release:&lt;order&gt;</c>): payment-received evidence for
/// that order. Other payouts (e.g. our own refunds) are ignored.
/// </summary>
internal sealed class PayoutMadeConsumer(ClaimDesk desk, TaxRefundDbContext db) : IConsumer<PayoutMade>
{
    public const string ReleasePrefix = "release:";

    public async Task Consume(ConsumeContext<PayoutMade> context)
    {
        var m = context.Message;
        if (!m.Reference.StartsWith(ReleasePrefix, StringComparison.Ordinal))
        {
            return;
        }

        var orderId = m.Reference[ReleasePrefix.Length..];
        await desk.RecordAsync(orderId, e => e.RecordPayment(m.PayeeCompany, DateTime.SpecifyKind(m.PaidAt, DateTimeKind.Utc)), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
