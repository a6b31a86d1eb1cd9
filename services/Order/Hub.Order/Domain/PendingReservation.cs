namespace Hub.Order.Domain;

/// <summary>
/// Stock asked of a supplier's catalog for an order that is not saved yet. It is written before the reservation and
/// removed in the transaction that saves the order, or once a failed placement gave the stock back; one left behind
/// (the placement's process stopped in between, or the catalog did not answer the release) is released by the buyer's
/// next placement under the same key, or by the sweeper (once its process has been silent for
/// <c>Order:InstanceSilence</c>, or <c>Order:AbandonedReservationGrace</c> after it was asked), so no placement that
/// never became an order keeps a supplier's stock.
/// </summary>
internal sealed class PendingReservation
{
    public PendingReservation(string orderId, string supplierHub, DateTime askedAt, string? buyerCompany = null, string? idempotencyKey = null, Guid? holder = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(supplierHub);
        OrderId = orderId;
        SupplierHub = supplierHub;
        AskedAt = askedAt;
        BuyerCompany = buyerCompany;
        IdempotencyKey = idempotencyKey;
        Holder = holder;
    }

    public string OrderId { get; private set; }

    /// <summary>The hub whose catalog holds (or may hold) the stock.</summary>
    public string SupplierHub { get; private set; }

    public DateTime AskedAt { get; private set; }

    /// <summary>The buyer whose Idempotency-Key the placement claimed: a placement that takes the key over gives this stock back first.</summary>
    public string? BuyerCompany { get; private set; }

    /// <summary>The Idempotency-Key the placement claimed.</summary>
    public string? IdempotencyKey { get; private set; }

    /// <summary>The process whose placement asked for the stock: once it has been silent for <c>Order:InstanceSilence</c> the sweeper gives the stock back.</summary>
    public Guid? Holder { get; private set; }
}
