namespace Hub.Contracts.TaxRefund;

/// <summary>An operator rejected a filed refund claim.</summary>
/// <param name="ClaimId">The claim.</param>
/// <param name="OrderId">The exported order.</param>
/// <param name="SupplierCompany">The supplier.</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="RejectedAt">When it was rejected (UTC).</param>
public sealed record RefundRejected(string ClaimId, string OrderId, string SupplierCompany, string Reason, DateTime RejectedAt);
