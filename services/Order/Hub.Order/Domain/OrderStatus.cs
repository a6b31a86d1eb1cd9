namespace Hub.Order.Domain;

/// <summary>
/// Where a supplier order stands; the declaration order is the order of the happy path (Disputed stands between
/// delivery and the escrow's release), then the ends an order may come to instead of Completed. Stored by name.
/// </summary>
public enum OrderStatus
{
    Placed = 1,
    PaymentSecured = 2,
    ExportCleared = 3,
    Booked = 4,
    Departed = 5,
    ImportCleared = 6,
    Delivered = 7,

    /// <summary>The buyer disputed the delivered order: the escrow is frozen until an operator decides.</summary>
    Disputed = 8,
    ReceiptConfirmed = 9,
    Completed = 10,
    Cancelled = 11,
    Failed = 12,

    /// <summary>
    /// The hub's operators refunded the buyer in full after delivery (deciding the buyer's dispute, or a payee the denied-party
    /// screening held): the supplier is paid nothing.
    /// </summary>
    Refunded = 13,
}
