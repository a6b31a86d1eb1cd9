namespace Hub.Catalog.Domain.Products;

/// <summary>How long product texts may be; the database columns have the same bounds.</summary>
internal static class ProductLimits
{
    /// <summary>A BCP 47 tag of a language and up to two subtags, e.g. "zh-Hant-TW".</summary>
    public const int LanguageLength = 16;

    public const int TitleLength = 200;
    public const int DescriptionLength = 5000;
    public const int MaxTexts = 8;
    public const int MaxTiers = 10;
    public const int MaxNationalLines = 20;
}
