namespace Hub.Catalog.Domain.Stock;

/// <summary>Units of one product held for an order.</summary>
internal sealed class ReservationLine(string productId, int quantity)
{
    public string ProductId { get; private set; } = productId;

    public int Quantity { get; private set; } = quantity;
}
