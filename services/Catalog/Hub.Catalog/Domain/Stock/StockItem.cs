namespace Hub.Catalog.Domain.Stock;

/// <summary>
/// The stock of one product, kept apart from the listing so that reservations lock and rewrite a small row.
/// Invariant: 0 ≤ reserved ≤ on hand.
/// </summary>
internal sealed class StockItem
{
    private StockItem()
    {
    }

    public string ProductId { get; private set; } = "";

    public int OnHand { get; private set; }

    public int Reserved { get; private set; }

    /// <summary>Below this many available units a StockLow event is raised (per product data).</summary>
    public int LowStockThreshold { get; private set; }

    public DateTime UpdatedAt { get; private set; }

    public int Available => OnHand - Reserved;

    public bool IsLow => Available < LowStockThreshold;

    public static StockItem Open(string productId, int onHand, int lowStockThreshold, DateTime now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onHand);
        ArgumentOutOfRangeException.ThrowIfNegative(lowStockThreshold);
        return new StockItem { ProductId = productId, OnHand = onHand, LowStockThreshold = lowStockThreshold, UpdatedAt = now };
    }

    /// <summary>The stock as read from its row, which the caller holds locked.</summary>
    public static StockItem Locked(string productId, int onHand, int reserved, int lowStockThreshold, DateTime updatedAt) =>
        new() { ProductId = productId, OnHand = onHand, Reserved = reserved, LowStockThreshold = lowStockThreshold, UpdatedAt = updatedAt };

    /// <summary>Sets the counted stock; it can never fall below what is already reserved.</summary>
    public void Count(int onHand, DateTime now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(onHand);
        if (onHand < Reserved)
        {
            throw new CatalogRuleException($"{ProductId} has {Reserved} units reserved; stock on hand cannot be set to {onHand}.");
        }

        OnHand = onHand;
        UpdatedAt = now;
    }

    public void SetLowStockThreshold(int threshold, DateTime now)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        LowStockThreshold = threshold;
        UpdatedAt = now;
    }

    public void Reserve(int quantity, DateTime now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        if (quantity > Available)
        {
            throw new CatalogRuleException($"{ProductId} has {Available} units available; {quantity} cannot be reserved.");
        }

        Reserved += quantity;
        UpdatedAt = now;
    }

    public void Release(int quantity, DateTime now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantity, Reserved);
        Reserved -= quantity;
        UpdatedAt = now;
    }

    /// <summary>Turns a reservation into a shipment: the units leave the stock for good.</summary>
    public void Commit(int quantity, DateTime now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quantity, Reserved);
        Reserved -= quantity;
        OnHand -= quantity;
        UpdatedAt = now;
    }

    /// <summary>Committed units that never left come back on hand.</summary>
    public void Return(int quantity, DateTime now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(quantity);
        OnHand += quantity;
        UpdatedAt = now;
    }
}
