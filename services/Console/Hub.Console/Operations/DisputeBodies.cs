namespace Hub.Console.Operations;

/// <summary>An escrow as the payment service answers <c>GET /api/payment/escrows</c> (the payee's screening, to operators).</summary>
internal sealed record EscrowBody(
    string OrderId, string BuyerCompany, string SupplierCompany, string Status, MinorMoney Paid, MinorMoney Refunded, MinorMoney Settlement,
    DateTime SecuredAt, DateTime? ReleaseDueAt, DateTime? ReleasedAt, PayeeScreeningBody? PayeeScreening = null, MinorMoney? Remaining = null)
{
    /// <summary>What the escrow holds, or once released what was released and not given back: what a refund can give.</summary>
    public MinorMoney Held => Remaining ?? new(Paid.MinorUnits - Refunded.MinorUnits, Paid.Currency);
}

/// <summary>The payee's denied-party screening before the release, and the operators' decision on a hold.</summary>
internal sealed record PayeeScreeningBody(
    string Payee, DateTime? ScreenedAt, double? Score, int? ListVersion, string? MatchedName, bool Held, DateTime? HeldAt,
    string? Decision, string? DecidedBy, DateTime? DecidedAt, string? Note);

/// <summary>A dispute as the payment service answers <c>GET /api/payment/escrows/{orderId}/dispute</c>.</summary>
internal sealed record DisputeBody(
    string OrderId, string BuyerCompany, string SupplierCompany, string Reason, string Status, DateTime OpenedAt, DateTime NegotiationEndsAt,
    DateTime? EscalatedAt, string? Decision, DateTime? ResolvedAt);

/// <summary>A dispute not decided yet with the escrow it is about, as payment lists them at <c>GET /api/payment/disputes</c>.</summary>
internal sealed record DisputedEscrow(EscrowBody Escrow, DisputeBody Dispute);
