using Hub.Contracts.Order;
using Hub.Payment.Application;
using MassTransit;

namespace Hub.Payment.Consumers;

/// <summary>
/// An order of this hub was delivered and its buyer asked to confirm receipt: the escrow's own confirmation period
/// starts now. Until then nothing is released without the order asking, so goods on their way are never paid for by a
/// clock.
/// </summary>
internal sealed class DeliveryConsumer(EscrowDesk desk) : IConsumer<ReceiptRequested>
{
    public Task Consume(ConsumeContext<ReceiptRequested> context) =>
        desk.StartReleaseClockAsync(context.Message.OrderId, context.Message.ConfirmBy, context.CancellationToken);
}
