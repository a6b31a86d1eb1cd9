namespace Hub.Order.Domain;

/// <summary>What must be undone after an order failed or was cancelled.</summary>
/// <param name="ReleaseStock">
/// The stock the order holds goes back: reserved units are released, and units an export step committed in an attempt
/// whose own save did not go through are returned (the goods never left).
/// </param>
/// <param name="RefundEscrow">The buyer's escrowed funds go back, if payment holds any.</param>
/// <param name="WithdrawConsignment">
/// The consignment leaves its consolidation pool at the supplier's hub; the stock goes back only if it did (or none was
/// booked), not once the goods are with the carrier.
/// </param>
/// <param name="WithdrawExport">The export declaration at the supplier's hub is withdrawn (the goods have not left).</param>
/// <param name="WithdrawImport">The import declaration at the buyer's hub is withdrawn.</param>
internal sealed record Compensation(bool ReleaseStock, bool RefundEscrow, bool WithdrawExport = false, bool WithdrawImport = false, bool WithdrawConsignment = false)
{
    public static Compensation None { get; } = new(false, false);
}
