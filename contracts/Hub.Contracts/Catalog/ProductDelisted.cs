namespace Hub.Contracts.Catalog;

/// <summary>A supplier withdrew a product from buyers; reservations already made stay valid.</summary>
/// <param name="ProductId">The hub-qualified product id.</param>
/// <param name="SupplierId">The hub-qualified supplier id.</param>
/// <param name="DelistedAt">When the product was delisted (UTC).</param>
public sealed record ProductDelisted(string ProductId, string SupplierId, DateTime DelistedAt);
