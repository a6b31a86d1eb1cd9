namespace Hub.Order.Domain;

/// <summary>Where a supplier order stands; the declaration order is the order of the happy path.</summary>
public enum OrderStatus
{
    Placed = 1,
    PaymentSecured = 2,
    ExportCleared = 3,
    Booked = 4,
    Departed = 5,
    ImportCleared = 6,
    Delivered = 7,
    ReceiptConfirmed = 8,
    Completed = 9,
    Cancelled = 10,
    Failed = 11,
}
