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
    /// enough that common words fill a page from the walk, few enough that a rare word loses little to it. Newest
    /// first walks rows in the order they were written, many to a page; by price or MOQ every row is another page.
    /// </summary>
    public int SearchWalkNewest { get; init; } = 2000;

    /// <inheritdoc cref="SearchWalkNewest"/>
    public int SearchWalkSorted { get; init; } = 500;
}
