namespace Hub.Contracts.Payment;

/// <summary>Part or all of an order's escrow went back to the buyer's wallet. Amounts are integer minor units of <c>Currency</c>.</summary>
/// <param name="OrderId">The order, e.g. <c>KR-O-000123</c>.</param>
/// <param name="BuyerCompany">The company refunded.</param>
/// <param name="RefundKey">The caller's key the refund is idempotent on.</param>
/// <param name="AmountMinorUnits">This refund.</param>
/// <param name="TotalRefundedMinorUnits">Every refund of the order so far, this one included.</param>
/// <param name="Currency">The buyer's (pay) currency.</param>
/// <param name="FullyRefunded">True when nothing is left in escrow.</param>
/// <param name="RefundedAt">When the refund committed (UTC).</param>
public sealed record PaymentRefunded(
    string OrderId,
    string BuyerCompany,
    string RefundKey,
    long AmountMinorUnits,
    long TotalRefundedMinorUnits,
    string Currency,
    bool FullyRefunded,
    DateTime RefundedAt);
