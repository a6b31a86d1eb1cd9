namespace Hub.Contracts.Payment;

/// <summary>
/// The duties and taxes an import clearance assessed were charged to the importer of record at the buyer's hub (the hub,
/// as declarant, owes them to its customs authority). Amounts are integer minor units of <c>Currency</c>.
/// </summary>
/// <param name="OrderId">The order whose goods were imported.</param>
/// <param name="DeclarationId">The import declaration that assessed them.</param>
/// <param name="Payer">The company charged: the buyer, or the supplier under DDP.</param>
/// <param name="ChargedFrom">
/// <see cref="FromWallet"/> (the payer's wallet here, which may go below zero: the company then owes the hub),
/// <see cref="FromEscrow"/> (the supplier's share of the order's escrow, under DDP) or <see cref="FromSupplierHub"/>
/// (under DDP, an escrow that could not bear them: billed to the supplier's hub, which charges the supplier there).
/// </param>
/// <param name="DutiesMinor">Duties assessed.</param>
/// <param name="TaxesMinor">Consumption tax and VAT assessed.</param>
/// <param name="ChargedMinor">What was charged: the duties and taxes.</param>
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
    string Currency,
    DateTime ChargedAt)
{
    /// <summary><see cref="ChargedFrom"/> for a charge to the buyer's wallet.</summary>
    public const string FromWallet = "wallet";

    /// <summary><see cref="ChargedFrom"/> for a charge to the supplier's share of the order's escrow.</summary>
    public const string FromEscrow = "escrow";

    /// <summary><see cref="ChargedFrom"/> for a charge billed to the supplier's hub (<see cref="SupplierDutiesBilled"/>).</summary>
    public const string FromSupplierHub = "supplier-hub";
}
