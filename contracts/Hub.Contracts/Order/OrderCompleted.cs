namespace Hub.Contracts.Order;

/// <summary>An order's goods were received and its escrow released to the supplier.</summary>
/// <param name="OrderId">The hub-qualified order id.</param>
/// <param name="BuyerCompany">The buying company.</param>
/// <param name="SupplierCompany">The supplying company.</param>
/// <param name="CompletedAt">When (UTC).</param>
public sealed record OrderCompleted(string OrderId, string BuyerCompany, string SupplierCompany, DateTime CompletedAt);
