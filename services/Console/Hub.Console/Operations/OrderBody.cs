namespace Hub.Console.Operations;

/// <summary>An order as the order service answers <c>GET /api/order/orders[/{id}]</c> (the fields the console shows).</summary>
internal sealed record OrderBody(
    string OrderId, Guid PurchaseId, string Status, string BuyerCompany, string SupplierCompany, string SupplierHub, string Incoterm, string NamedPlace,
    string Mode, MinorMoney GoodsTotal, MinorMoney BuyerTotal, MinorMoney Freight, MinorMoney DutiesAndTaxes, string? FailureReason, string? ConsignmentId,
    DateTime PlacedAt, DateTime UpdatedAt, DateTime? DueBy, IReadOnlyList<OrderLineBody>? Lines, IReadOnlyList<TimelineBody>? Timeline);

internal sealed record OrderLineBody(string ProductId, int Quantity, long UnitPriceMinor, string Currency, int PriceVersion, long LineTotalMinor);

internal sealed record TimelineBody(int Sequence, DateTime At, string Hub, string Step, string Cause, string? Detail);
