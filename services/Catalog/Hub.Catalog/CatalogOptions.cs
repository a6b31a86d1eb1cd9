namespace Hub.Catalog;

/// <summary>Catalog settings (<c>Catalog</c> section); per-product values override these defaults.</summary>
internal sealed record CatalogOptions
{
    public const string Section = "Catalog";

    /// <summary>Low-stock threshold given to a product whose supplier does not set one.</summary>
    public int DefaultLowStockThreshold { get; init; } = 10;

    /// <summary>Most results one search page returns.</summary>
    public int MaxPageSize { get; init; } = 100;

    /// <summary>
    /// How many products, in the page's sort order, a word search checks before it asks the full-text index instead:
    /// enough that common words fill a page from the walk, few enough that a rare word loses little to it.
    /// </summary>
    public int SearchWalkRows { get; init; } = 1000;
}
