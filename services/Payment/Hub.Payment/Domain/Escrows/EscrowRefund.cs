namespace Hub.Payment.Domain.Escrows;

/// <summary>One refund of an order's escrow, unique per order and the caller's key.</summary>
internal sealed class EscrowRefund
{
    private EscrowRefund()
    {
    }

    public string OrderId { get; private set; } = "";

    public string RefundKey { get; private set; } = "";

    public decimal Amount { get; private set; }

    public Guid PostingId { get; private set; }

    public DateTime RefundedAt { get; private set; }

    public static EscrowRefund Record(string orderId, string refundKey, decimal amount, Guid postingId, DateTime now) => new()
    {
        OrderId = orderId,
        RefundKey = refundKey,
        Amount = amount,
        PostingId = postingId,
        RefundedAt = now,
    };
}
