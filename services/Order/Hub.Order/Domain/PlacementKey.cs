namespace Hub.Order.Domain;

/// <summary>
/// A buyer's Idempotency-Key while a placement under it is under way. Claimed before anything else and removed in the
/// transaction that saves the purchase (or when the placement gives up), so that a second request under the same key
/// waits for the first and answers as it did, instead of placing again or competing with it for the supplier's stock.
/// A claim left by a process that stopped is taken over once older than <c>Order:PlacementKeyGrace</c>, or as soon as
/// the process that holds it has been silent for <c>Order:InstanceSilence</c> (<see cref="PlacementInstance"/>).
/// </summary>
internal sealed class PlacementKey
{
    public PlacementKey(string buyerCompany, string idempotencyKey, DateTime claimedAt, Guid? holder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(buyerCompany);
        ArgumentException.ThrowIfNullOrWhiteSpace(idempotencyKey);
        BuyerCompany = buyerCompany;
        IdempotencyKey = idempotencyKey;
        ClaimedAt = claimedAt;
        Holder = holder;
    }

    public string BuyerCompany { get; private set; }

    public string IdempotencyKey { get; private set; }

    public DateTime ClaimedAt { get; private set; }

    /// <summary>The process whose placement holds the key (<see cref="PlacementInstance"/>); none on claims made before processes were named.</summary>
    public Guid? Holder { get; private set; }
}
