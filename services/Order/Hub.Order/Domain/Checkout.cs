namespace Hub.Order.Domain;

/// <summary>
/// A cart priced for a buyer: what the checkout answered, kept so that the buyer can place the cart at exactly these
/// prices, freight, duties and FX quotes while the quotes hold, once.
/// </summary>
internal sealed class Checkout
{
    public Checkout(Guid id, string buyerCompany, string cartHash, string pricing, DateTime createdAt, DateTime expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buyerCompany);
        ArgumentException.ThrowIfNullOrWhiteSpace(cartHash);
        ArgumentException.ThrowIfNullOrWhiteSpace(pricing);
        Id = id;
        BuyerCompany = buyerCompany;
        CartHash = cartHash;
        Pricing = pricing;
        CreatedAt = createdAt;
        ExpiresAt = expiresAt;
    }

    public Guid Id { get; private set; }

    public string BuyerCompany { get; private set; }

    /// <summary>A hash of the cart that was priced: only that cart can be placed with this checkout.</summary>
    public string CartHash { get; private set; }

    /// <summary>The priced suppliers, as JSON.</summary>
    public string Pricing { get; private set; }

    public DateTime CreatedAt { get; private set; }

    /// <summary>When the first of its FX quotes expires (a checkout whose quotes are gone is kept, and refused).</summary>
    public DateTime ExpiresAt { get; private set; }
}
