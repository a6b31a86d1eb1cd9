namespace Hub.Catalog.Domain.Products;

/// <summary>The national tariff line (8–13 digits, extending the product's subheading) used when shipping to a destination.</summary>
internal sealed class NationalLine(string destination, string line)
{
    public string Destination { get; private set; } = destination;

    public string Line { get; private set; } = line;
}
