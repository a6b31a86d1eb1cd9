namespace Hub.Contracts.Catalog;

/// <summary>
/// An order's committed units came back on hand: the order failed or was cancelled before its goods left the supplier.
/// </summary>
/// <param name="OrderId">The hub-qualified order id.</param>
/// <param name="ProductIds">The products whose units came back.</param>
/// <param name="Quantities">Units returned per product, same order as <paramref name="ProductIds"/>.</param>
/// <param name="ReturnedAt">When the return committed (UTC).</param>
public sealed record StockReturned(string OrderId, IReadOnlyList<string> ProductIds, IReadOnlyList<int> Quantities, DateTime ReturnedAt);
