namespace Hub.Order.Domain;

/// <summary>One buyer cart placed under one Idempotency-Key; it becomes one order per supplier.</summary>
internal sealed class Purchase
{
    private readonly List<TradeOrder> _orders = [];

    public Purchase(Guid id, string buyerCompany, string idempotencyKey, string requestHash, DateTime createdAt, Guid? checkoutId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buyerCompany);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        Id = id;
        BuyerCompany = buyerCompany;
        IdempotencyKey = idempotencyKey;
        RequestHash = requestHash;
        CreatedAt = createdAt;
        CheckoutId = checkoutId;
    }

    public Guid Id { get; private set; }

    public string BuyerCompany { get; private set; }

    public string IdempotencyKey { get; private set; }

    /// <summary>A hash of the request body: the same key with another body is refused.</summary>
    public string RequestHash { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>The checkout it was placed at, if the buyer named one: a checkout is placed once.</summary>
    public Guid? CheckoutId { get; private set; }

    public IReadOnlyList<TradeOrder> Orders => _orders;

    public void Add(TradeOrder order)
    {
        if (order.PurchaseId != Id || order.BuyerCompany != BuyerCompany)
        {
            throw new OrderRuleException($"Order {order.Id} does not belong to purchase {Id}.");
        }

        if (_orders.Any(o => o.SupplierId == order.SupplierId))
        {
            throw new OrderRuleException($"Purchase {Id} already has an order for supplier {order.SupplierId}.");
        }

        _orders.Add(order);
    }
}
