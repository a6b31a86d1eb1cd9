namespace Hub.Contracts.Payment;

/// <summary>
/// The hub's operators confirmed a payee's denied-party match: nothing is released to the supplier, and what remained
/// in escrow went back to the buyer. Amounts are integer minor units of <c>Currency</c>, the buyer's (pay) currency.
/// </summary>
/// <param name="OrderId">The order, e.g. <c>KR-O-000123</c>.</param>
/// <param name="SupplierCompany">The payee refused.</param>
/// <param name="RefundedMinorUnits">What went back to the buyer.</param>
/// <param name="Currency">The buyer's (pay) currency.</param>
/// <param name="DecidedBy">The operator.</param>
/// <param name="Note">The operator's reason.</param>
/// <param name="RefusedAt">When the decision committed (UTC).</param>
public sealed record EscrowReleaseRefused(string OrderId, string SupplierCompany, long RefundedMinorUnits, string Currency, string DecidedBy, string Note, DateTime RefusedAt);
