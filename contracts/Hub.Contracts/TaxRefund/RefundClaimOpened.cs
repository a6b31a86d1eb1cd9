namespace Hub.Contracts.TaxRefund;

/// <summary>An export VAT refund claim was opened for an order whose export declaration the hub cleared.</summary>
/// <param name="ClaimId">The claim, e.g. <c>KR-R-000001</c>.</param>
/// <param name="OrderId">The exported order.</param>
/// <param name="Hub">The hub (the supplier's) that cleared the export and pays the refund.</param>
/// <param name="SupplierCompany">The supplier, or null when not yet known (no invoice or payment recorded yet).</param>
/// <param name="DeclarationId">The cleared export declaration.</param>
/// <param name="ExportDate">The export date of the declaration (UTC midnight); it picks the refund rate.</param>
/// <param name="OpenedAt">When the claim was opened (UTC).</param>
public sealed record RefundClaimOpened(string ClaimId, string OrderId, string Hub, string? SupplierCompany, string DeclarationId, DateTime ExportDate, DateTime OpenedAt);
