namespace Hub.Contracts.TaxRefund;

/// <summary>An approved refund was paid to the supplier through the payment service (payout reference = the claim id).</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="OrderId">The exported order.</param>
/// <param name="SupplierCompany">The supplier paid.</param>
/// <param name="RefundMinorUnits">The amount paid, in minor units of <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="PostingId">The payment service's ledger posting.</param>
/// <param name="PaidAt">When it was paid (UTC).</param>
public sealed record RefundPaid(string ClaimId, string OrderId, string SupplierCompany, long RefundMinorUnits, string Currency, string PostingId, DateTime PaidAt);
