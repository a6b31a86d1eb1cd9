namespace Hub.Contracts.TaxRefund;

/// <summary>An operator approved a filed refund claim; the payout follows.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="OrderId">The exported order.</param>
/// <param name="SupplierCompany">The supplier to be paid.</param>
/// <param name="RefundMinorUnits">The refund approved, in minor units of <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO 4217 code of the amount.</param>
/// <param name="ApprovedAt">When it was approved (UTC).</param>
public sealed record RefundApproved(string ClaimId, string OrderId, string SupplierCompany, long RefundMinorUnits, string Currency, DateTime ApprovedAt);
