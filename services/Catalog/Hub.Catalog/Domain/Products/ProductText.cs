namespace Hub.Catalog.Domain.Products;

/// <summary>The title and description of a product in one language (a BCP 47 tag such as "ko", "zh", "ms", "en").</summary>
internal sealed class ProductText(string language, string title, string description)
{
    public string Language { get; private set; } = language;

    public string Title { get; private set; } = title;

    public string Description { get; private set; } = description;
}
