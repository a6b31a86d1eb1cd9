namespace Hub.Console.Operations;

/// <summary>A refund claim as the tax-refund service answers <c>GET /api/tax-refund/claims</c> (the fields the console shows).</summary>
internal sealed record ClaimBody(
    string Id, string OrderId, string? ConsignmentId, string Hub, string? SupplierCompany, string State, DateOnly ExportDate,
    IReadOnlyList<EvidenceBody> Evidence, string? Currency, long? PurchaseNetMinorUnits, long? RefundMinorUnits, string? RoundingRule,
    DateTime OpenedAt, DateTime? FiledAt, DateTime? DecidedAt, string? RejectionReason, DateTime? PaidAt, string? PayoutPostingId);

internal sealed record EvidenceBody(string Name, bool Received, DateTime? At, string? Reference);
