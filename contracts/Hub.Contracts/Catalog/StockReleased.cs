namespace Hub.Contracts.Catalog;

/// <summary>An order's reservation was released; its units are available again.</summary>
/// <param name="OrderId">The hub-qualified order id.</param>
/// <param name="ProductIds">The products whose units came back.</param>
/// <param name="Quantities">Units released per product, same order as <paramref name="ProductIds"/>.</param>
/// <param name="ReleasedAt">When the release committed (UTC).</param>
public sealed record StockReleased(string OrderId, IReadOnlyList<string> ProductIds, IReadOnlyList<int> Quantities, DateTime ReleasedAt);
