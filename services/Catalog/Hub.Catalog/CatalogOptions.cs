namespace Hub.Catalog;

/// <summary>Catalog settings (<c>Catalog</c> section); per-product values override these defaults.</summary>
internal sealed record CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Low-stock threshold given to a product whose supplier does not set one.</summary>
    public int DefaultLowStockThreshold { get; init; } = 10;

    /// <summary>Most results one search page returns.</summary>
    public int MaxPageSize { get; init; } = 100;
}
