namespace Hub.Contracts.Catalog;

/// <summary>An order's reserved units left the stock for good (the order went ahead).</summary>
/// <param name="OrderId">The hub-qualified order id.</param>
/// <param name="ProductIds">The products shipped.</param>
/// <param name="Quantities">Units taken from stock per product, same order as <paramref name="ProductIds"/>.</param>
/// <param name="CommittedAt">When the commit happened (UTC).</param>
public sealed record StockCommitted(string OrderId, IReadOnlyList<string> ProductIds, IReadOnlyList<int> Quantities, DateTime CommittedAt);
