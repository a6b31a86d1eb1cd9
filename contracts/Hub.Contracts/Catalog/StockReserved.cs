namespace Hub.Contracts.Catalog;

/// <summary>Stock was reserved for every line of an order (a reservation is all or nothing).</summary>
/// <param name="OrderId">The hub-qualified order id the reservation is keyed by.</param>
/// <param name="ProductIds">The reserved products.</param>
/// <param name="Quantities">Units reserved per product, same order as <paramref name="ProductIds"/>.</param>
/// <param name="ReservedAt">When the reservation committed (UTC).</param>
public sealed record StockReserved(string OrderId, IReadOnlyList<string> ProductIds, IReadOnlyList<int> Quantities, DateTime ReservedAt);
