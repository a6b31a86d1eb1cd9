namespace Hub.Order.Domain;

/// <summary>What must be undone after an order failed or was cancelled.</summary>
/// <param name="ReleaseStock">The reserved stock goes back (it was not committed yet).</param>
/// <param name="RefundEscrow">The buyer's escrowed funds go back.</param>
internal sealed record Compensation(bool ReleaseStock, bool RefundEscrow)
{
    public static Compensation None { get; } = new(false, false);
}
