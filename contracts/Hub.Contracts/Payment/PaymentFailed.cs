namespace Hub.Contracts.Payment;

/// <summary>A request to secure an order's funds in escrow was refused; nothing was posted to the ledger.</summary>
/// <param name="OrderId">The order, e.g. <c>KR-O-000123</c>.</param>
/// <param name="BuyerCompany">The company that tried to pay.</param>
/// <param name="Reason">Why it was refused.</param>
/// <param name="Detail">A human-readable explanation.</param>
/// <param name="FailedAt">When it was refused (UTC).</param>
public sealed record PaymentFailed(string OrderId, string BuyerCompany, PaymentFailureReason Reason, string Detail, DateTime FailedAt);
