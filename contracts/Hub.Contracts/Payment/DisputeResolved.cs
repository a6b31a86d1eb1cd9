namespace Hub.Contracts.Payment;

/// <summary>
/// An operator decided an escalated dispute and the escrow was settled accordingly (a refund to the buyer, a release to
/// the supplier, or both). Amounts are integer minor units of <c>Currency</c>, the buyer's (pay) currency.
/// </summary>
/// <param name="OrderId">The order, e.g. <c>KR-O-000123</c>.</param>
/// <param name="Decision">What the operator decided.</param>
/// <param name="RefundedMinorUnits">What went back to the buyer by this decision.</param>
/// <param name="ReleasedMinorUnits">What was released to the supplier by this decision.</param>
/// <param name="Currency">The buyer's (pay) currency.</param>
/// <param name="DecidedBy">The operator.</param>
/// <param name="ResolvedAt">When the decision committed (UTC).</param>
public sealed record DisputeResolved(string OrderId, DisputeDecision Decision, long RefundedMinorUnits, long ReleasedMinorUnits, string Currency, string DecidedBy, DateTime ResolvedAt);
