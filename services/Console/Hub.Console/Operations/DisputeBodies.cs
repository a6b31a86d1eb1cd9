namespace Hub.Console.Operations;

/// <summary>An escrow as the payment service answers <c>GET /api/payment/escrows</c>.</summary>
internal sealed record EscrowBody(
    string OrderId, string BuyerCompany, string SupplierCompany, string Status, MinorMoney Paid, MinorMoney Refunded, MinorMoney Settlement,
    DateTime SecuredAt, DateTime? ReleaseDueAt, DateTime? ReleasedAt)
{
    public MinorMoney Held => new(Paid.MinorUnits - Refunded.MinorUnits, Paid.Currency);
}

/// <summary>A dispute as the payment service answers <c>GET /api/payment/escrows/{orderId}/dispute</c>.</summary>
internal sealed record DisputeBody(
    string OrderId, string BuyerCompany, string SupplierCompany, string Reason, string Status, DateTime OpenedAt, DateTime NegotiationEndsAt,
    DateTime? EscalatedAt, string? Decision, DateTime? ResolvedAt);

/// <summary>A dispute with the escrow it freezes.</summary>
internal sealed record DisputedEscrow(EscrowBody Escrow, DisputeBody Dispute);
