namespace Hub.Order.Domain;

/// <summary>One product of a supplier order at the price it was placed at.</summary>
internal sealed class OrderLine
{
    public OrderLine(string productId, int quantity, long unitPriceMinor, string currency, int priceVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productId);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfNegative(unitPriceMinor);
        ProductId = productId;
        Quantity = quantity;
        UnitPriceMinor = unitPriceMinor;
        Currency = currency;
        PriceVersion = priceVersion;
    }

    public string ProductId { get; private set; }

    public int Quantity { get; private set; }

    public long UnitPriceMinor { get; private set; }

    public string Currency { get; private set; }

    public int PriceVersion { get; private set; }

    public long LineTotalMinor => checked(UnitPriceMinor * Quantity);
}
