using Hub.Contracts.Order;
using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.Payment.Data;
using Hub.Payment.Domain.Escrows;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Consumers;

/// <summary>
/// An order of this hub was cancelled or failed: whatever its escrow still holds goes back to the buyer. The order
/// service asks for the same refund when it compensates, under the same refund key, so whichever comes first refunds
/// and the other finds it done; the event is what guarantees the refund when the order service could not reach
/// payment at that moment.
/// </summary>
internal sealed class OrderEndedConsumer(PaymentDbContext db, EscrowDesk desk) : IConsumer<OrderCancelled>, IConsumer<OrderFailed>
{
    /// <summary>The refund key the order service uses for a cancellation.</summary>
    public const string CancelledKey = "order-cancelled";

    /// <summary>The refund key the order service uses for a failure.</summary>
    public const string FailedKey = "order-failed";

    public Task Consume(ConsumeContext<OrderCancelled> context) => RefundAsync(context.Message.OrderId, CancelledKey, context.CancellationToken);

    public Task Consume(ConsumeContext<OrderFailed> context) => RefundAsync(context.Message.OrderId, FailedKey, context.CancellationToken);

    private async Task RefundAsync(string orderId, string key, CancellationToken cancellationToken)
    {
        // A refund already made under the key is found again, under the escrow's lock, by the desk.
        var escrow = await db.Escrows.AsNoTracking().FirstOrDefaultAsync(e => e.OrderId == orderId, cancellationToken);
        if (escrow is null || escrow.Status != EscrowStatus.Secured)
        {
            return;
        }

        await desk.RefundWithinAsync(OrderId.Parse(orderId), key, amount: null, cancellationToken);
    }
}
