namespace Hub.Contracts.Payment;

/// <summary>
/// The duties and taxes an import clearance assessed were charged to the importer of record at the buyer's hub (the hub,
/// as declarant, owes them to its customs authority). Amounts are integer minor units of <c>Currency</c>.
/// </summary>
/// <param name="OrderId">The order whose goods were imported.</param>
/// <param name="DeclarationId">The import declaration that assessed them.</param>
/// <param name="Payer">The company charged: the buyer, or the supplier under DDP.</param>
/// <param name="ChargedFrom">
/// <see cref="FromWallet"/> (the buyer's wallet, which may go below zero: the company then owes the hub) or
/// <see cref="FromEscrow"/> (the supplier's share of the order's escrow, under DDP).
/// </param>
/// <param name="DutiesMinor">Duties assessed.</param>
/// <param name="TaxesMinor">Consumption tax and VAT assessed.</param>
/// <param name="ChargedMinor">What was collected: the duties and taxes, or, from an escrow holding less, what it held.</param>
/// <param name="UncollectedMinor">What could not be collected (an escrow holding less than the charge); zero otherwise.</param>
/// <param name="Currency">The importing hub's currency, ISO 4217.</param>
/// <param name="ChargedAt">When the charge committed (UTC).</param>
public sealed record DutiesCharged(
    string OrderId,
    string DeclarationId,
    string Payer,
    string ChargedFrom,
    long DutiesMinor,
    long TaxesMinor,
    long ChargedMinor,
    long UncollectedMinor,
    string Currency,
    DateTime ChargedAt)
{
    /// <summary><see cref="ChargedFrom"/> for a charge to the buyer's wallet.</summary>
    public const string FromWallet = "wallet";

    /// <summary><see cref="ChargedFrom"/> for a charge to the supplier's share of the order's escrow.</summary>
    public const string FromEscrow = "escrow";
}
