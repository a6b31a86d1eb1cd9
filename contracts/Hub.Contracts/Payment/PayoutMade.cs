namespace Hub.Contracts.Payment;

/// <summary>A company's wallet was credited: a supplier's escrow settlement or a payout requested by another service.</summary>
/// <param name="Reference">The caller's reference the payout is idempotent on, e.g. <c>release:KR-O-000123</c> or a tax-refund claim id.</param>
/// <param name="PayeeCompany">The company credited.</param>
/// <param name="AmountMinorUnits">The amount, in minor units of <paramref name="Currency"/>.</param>
/// <param name="Currency">The ISO 4217 currency of the amount.</param>
/// <param name="PostingId">The ledger posting that credited the payee.</param>
/// <param name="PaidAt">When the payout committed (UTC).</param>
public sealed record PayoutMade(string Reference, string PayeeCompany, long AmountMinorUnits, string Currency, Guid PostingId, DateTime PaidAt);
