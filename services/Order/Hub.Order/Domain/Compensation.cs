namespace Hub.Order.Domain;

/// <summary>What must be undone after an order failed or was cancelled.</summary>
/// <param name="ReleaseStock">
/// The stock the order holds goes back: reserved units are released, and units an export step committed in an attempt
/// whose own save did not go through are returned (the goods never left).
/// </param>
/// <param name="RefundEscrow">The buyer's escrowed funds go back, if payment holds any.</param>
/// <param name="WithdrawExport">The export declaration at the supplier's hub is withdrawn (the goods have not left).</param>
/// <param name="WithdrawImport">The import declaration at the buyer's hub is withdrawn.</param>
internal sealed record Compensation(bool ReleaseStock, bool RefundEscrow, bool WithdrawExport = false, bool WithdrawImport = false)
{
    public static Compensation None { get; } = new(false, false);
}
