namespace Hub.Contracts.Catalog;

/// <summary>A product's available stock (on hand minus reserved) fell below its supplier's low-stock threshold.</summary>
/// <param name="ProductId">The hub-qualified product id.</param>
/// <param name="SupplierId">The hub-qualified supplier id, whose people should restock.</param>
/// <param name="Available">Units still available.</param>
/// <param name="Threshold">The product's low-stock threshold.</param>
/// <param name="At">When the stock fell below the threshold (UTC).</param>
public sealed record StockLow(string ProductId, string SupplierId, int Available, int Threshold, DateTime At);
