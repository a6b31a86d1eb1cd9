namespace Hub.Contracts.Catalog;

/// <summary>A supplier changed a product's description, classification, measures, packaging, MOQ or lead time.</summary>
/// <param name="ProductId">The hub-qualified product id.</param>
/// <param name="SupplierId">The hub-qualified supplier id.</param>
/// <param name="Status">The product's status: "draft", "listed" or "delisted".</param>
/// <param name="HsCode">The HS2022 subheading (6 digits) after the change.</param>
/// <param name="Moq">The minimum order quantity after the change.</param>
/// <param name="UpdatedAt">When the change was committed (UTC).</param>
public sealed record ProductUpdated(string ProductId, string SupplierId, string Status, string HsCode, int Moq, DateTime UpdatedAt);
