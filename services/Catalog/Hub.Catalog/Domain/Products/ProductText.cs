namespace Hub.Catalog.Domain.Products;

/// <summary>The title and description of a product in one language (a BCP 47 tag such as "ko", "zh", "ms", "en").</summary>
internal sealed class ProductText
{
    public ProductText(string language, string title, string description)
    {
        Language = language;
        Title = title;
        Description = description;
        SearchKeys = Products.SearchKeys.For(title + " " + description);
    }

    /// <summary>The longest <see cref="SearchKeys"/> a title and description within <see cref="ProductLimits"/> can make.</summary>
    public static int MaxSearchKeysLength => Products.SearchKeys.MaxLengthFor(ProductLimits.TitleLength + 1 + ProductLimits.DescriptionLength);

    public string Language { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    /// <summary>Extra index terms so that words inside unspaced CJK text are found (see <see cref="Products.SearchKeys"/>).</summary>
    public string SearchKeys { get; private set; }
}
