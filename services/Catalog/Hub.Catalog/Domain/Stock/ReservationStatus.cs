namespace Hub.Catalog.Domain.Stock;

/// <summary>
/// The outcome of an order's stock reservation: Rejected and Released are final; Committed units come back once, as
/// Returned, when the order ends before its goods leave the supplier.
/// </summary>
internal enum ReservationStatus
{
    Reserved,
    Rejected,
    Released,
    Committed,
    Returned,
}
