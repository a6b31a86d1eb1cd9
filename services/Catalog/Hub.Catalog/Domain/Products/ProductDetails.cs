using Hub.Contracts.Values;

namespace Hub.Catalog.Domain.Products;

/// <summary>Everything a supplier describes about a product apart from prices and stock; validated at the edge.</summary>
internal sealed record ProductDetails(
    IReadOnlyList<ProductText> Texts,
    HsCode HsCode,
    IReadOnlyList<NationalLine> NationalLines,
    CountryCode Origin,
    UnitMeasures Unit,
    Packaging Packaging,
    int Moq,
    int LeadTimeDays);
