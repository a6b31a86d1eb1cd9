namespace Hub.Catalog.Domain.Products;

/// <summary>A quantity break: from <see cref="MinQuantity"/> units on, each unit costs <see cref="UnitPrice"/>.</summary>
internal sealed class PriceTier(int minQuantity, decimal unitPrice)
{
    public int MinQuantity { get; private set; } = minQuantity;

    public decimal UnitPrice { get; private set; } = unitPrice;
}
