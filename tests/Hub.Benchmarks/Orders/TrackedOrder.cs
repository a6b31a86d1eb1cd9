namespace Hub.Benchmarks.Orders;

/// <summary>One benchmark order as last read from the buyer's hub, and what the benchmark has done for it.</summary>
internal sealed class TrackedOrder(string id)
{
    private static readonly string[] HappyPath =
        ["Placed", "PaymentSecured", "ExportCleared", "Booked", "Departed", "ImportCleared", "Delivered", "ReceiptConfirmed", "Completed"];

    public string Id { get; } = id;

    public string Status { get; set; } = "Unknown";

    public string? ConsignmentId { get; set; }

    public string? FailureReason { get; set; }

    public DateTime PlacedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public bool DeliveryRecorded { get; set; }

    public bool ReceiptConfirmed { get; set; }

    public bool Finished => Status is "Completed" or "Cancelled" or "Failed" or "Missing";

    /// <summary>Whether the order has reached <paramref name="step"/> on the happy path (or left it for good).</summary>
    public bool AtLeast(string step) => Finished || Array.IndexOf(HappyPath, Status) >= Array.IndexOf(HappyPath, step);
}
