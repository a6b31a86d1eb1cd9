namespace Hub.Contracts.Catalog;

/// <summary>A supplier offered a product to buyers (first listing or listing again after a delisting).</summary>
/// <param name="ProductId">The hub-qualified product id, e.g. "KR-P-000123".</param>
/// <param name="SupplierId">The hub-qualified supplier id, e.g. "KR-S-000042".</param>
/// <param name="Hub">The hub that lists the product.</param>
/// <param name="Title">The title in the product's first language.</param>
/// <param name="HsCode">The HS2022 subheading (6 digits).</param>
/// <param name="Origin">The ISO 3166-1 alpha-2 country of origin.</param>
/// <param name="Moq">The minimum order quantity in units.</param>
/// <param name="Currency">The ISO 4217 code of the supplier's prices.</param>
/// <param name="ListUnitPriceMinor">The unit price at the lowest quantity break, in minor units of <paramref name="Currency"/>.</param>
/// <param name="PriceVersion">The price version in force.</param>
/// <param name="ListedAt">When the product was listed (UTC).</param>
public sealed record ProductListed(
    string ProductId,
    string SupplierId,
    string Hub,
    string Title,
    string HsCode,
    string Origin,
    int Moq,
    string Currency,
    long ListUnitPriceMinor,
    int PriceVersion,
    DateTime ListedAt);
