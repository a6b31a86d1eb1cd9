namespace Hub.Contracts.Payment;

/// <summary>A buyer disputed an order whose funds are in escrow; the escrow is frozen until the dispute is resolved.</summary>
/// <param name="OrderId">The order, e.g. <c>KR-O-000123</c>.</param>
/// <param name="BuyerCompany">The company that opened the dispute.</param>
/// <param name="SupplierCompany">The company it is opened against.</param>
/// <param name="Reason">The buyer's words.</param>
/// <param name="OpenedAt">When it was opened (UTC).</param>
/// <param name="NegotiationEndsAt">Until when buyer and supplier negotiate before either may escalate to the platform (UTC).</param>
public sealed record DisputeOpened(string OrderId, string BuyerCompany, string SupplierCompany, string Reason, DateTime OpenedAt, DateTime NegotiationEndsAt);
