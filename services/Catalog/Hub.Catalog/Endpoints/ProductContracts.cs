namespace Hub.Catalog.Endpoints;

/// <summary>A product's title and description in one language (BCP 47 tag such as "ko", "zh", "ms", "en").</summary>
internal sealed record ProductTextDto(string? Language, string? Title, string? Description);

/// <summary>The national tariff line (8–13 digits, starting with the HS subheading) for one destination country.</summary>
internal sealed record NationalLineDto(string? Destination, string? Line);

/// <summary>One sales unit: weights in kilograms, dimensions in centimetres. Every field is required in a request.</summary>
internal sealed record UnitMeasuresDto(decimal? NetWeightKg, decimal? GrossWeightKg, decimal? LengthCm, decimal? WidthCm, decimal? HeightCm);

/// <summary>
/// The export carton: units per carton, outer dimensions in centimetres, gross weight in kilograms. Every field is
/// required in a request.
/// </summary>
internal sealed record PackagingDto(int? UnitsPerCarton, decimal? CartonLengthCm, decimal? CartonWidthCm, decimal? CartonHeightCm, decimal? CartonGrossWeightKg);

/// <summary>From <paramref name="MinQuantity"/> units on, each unit costs <paramref name="UnitPrice"/>; both are required in a request.</summary>
internal sealed record PriceTierDto(int? MinQuantity, decimal? UnitPrice);

/// <summary>Tiered unit prices in the supplier's currency; the first break must not exceed the MOQ.</summary>
internal sealed record PricesDto(string? Currency, IReadOnlyList<PriceTierDto>? Tiers);

/// <summary>
/// Creates or replaces a product's data; <c>moq</c> and <c>leadTimeDays</c> are required (an absent number is refused,
/// never read as 0). The optional stock fields are only read when the product is created.
/// </summary>
internal sealed record ProductRequest(
    IReadOnlyList<ProductTextDto>? Texts,
    string? HsCode,
    IReadOnlyList<NationalLineDto>? NationalLines,
    string? Origin,
    UnitMeasuresDto? Unit,
    PackagingDto? Packaging,
    int? Moq,
    int? LeadTimeDays,
    PricesDto? Prices,
    int? StockOnHand,
    int? LowStockThreshold);

/// <summary>Sets the counted stock on hand (required) and, optionally, the low-stock threshold.</summary>
internal sealed record StockRequest(int? OnHand, int? LowStockThreshold);

internal sealed record PriceListDto(int Version, string Currency, DateTime EffectiveFrom, IReadOnlyList<PriceTierDto> Tiers);

/// <summary>Available units for everyone; on hand, reserved and threshold only for the supplier and operators.</summary>
internal sealed record StockDto(int Available, int? OnHand, int? Reserved, int? LowStockThreshold);

internal sealed record ProductResponse(
    string Id,
    string SupplierId,
    string Status,
    IReadOnlyList<ProductTextDto> Texts,
    string HsCode,
    string HsEdition,
    IReadOnlyList<NationalLineDto> NationalLines,
    string Origin,
    UnitMeasuresDto Unit,
    PackagingDto Packaging,
    int Moq,
    int LeadTimeDays,
    PriceListDto Prices,
    StockDto Stock,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? ListedAt);

internal sealed record ProductSummary(
    string Id,
    string SupplierId,
    string Status,
    string Title,
    string Language,
    string HsCode,
    string Origin,
    int Moq,
    int LeadTimeDays,
    string Currency,
    decimal ListUnitPrice,
    int PriceVersion,
    int Available);

/// <summary>One page of results; pass <paramref name="NextCursor"/> back as <c>cursor</c> for the next (null on the last page).</summary>
internal sealed record ProductPage(IReadOnlyList<ProductSummary> Items, string? NextCursor);
