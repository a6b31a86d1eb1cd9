namespace Hub.Contracts.Order;

/// <summary>The buyer cancelled an order before export clearance; its stock is released and its escrow refunded.</summary>
/// <param name="OrderId">The hub-qualified order id.</param>
/// <param name="BuyerCompany">The buying company.</param>
/// <param name="CancelledBy">Who cancelled (the caller's subject).</param>
/// <param name="CancelledAt">When (UTC).</param>
public sealed record OrderCancelled(string OrderId, string BuyerCompany, string CancelledBy, DateTime CancelledAt);
