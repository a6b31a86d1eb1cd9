namespace Hub.Catalog.Domain.Stock;

/// <summary>The outcome of an order's stock reservation; every state but Reserved is final.</summary>
internal enum ReservationStatus
{
    Reserved,
    Rejected,
    Released,
    Committed,
}
