namespace Hub.Payment.Domain.Ledger;

internal enum AccountKind
{
    /// <summary>What the hub owes an SME (owner: company id).</summary>
    SmeWallet,

    /// <summary>Funds held for one order (owner: order id).</summary>
    Escrow,

    /// <summary>What a supplier has earned on release and not yet been paid (owner: company id).</summary>
    SupplierReceivable,

    /// <summary>The platform's fee income (owner: hub id).</summary>
    PlatformFees,

    /// <summary>The hub's position in a currency from conversions (owner: hub id).</summary>
    FxPosition,

    /// <summary>Duties and taxes collected for the customs authority (owner: hub id).</summary>
    DutiesCollected,

    /// <summary>Export VAT refunds the hub pays out on the tax authority's behalf (owner: hub id).</summary>
    TaxRefundPayable,

    /// <summary>Money entering or leaving the hub: bank settlement, and the demo's test money (owner: hub id).</summary>
    Clearing,

    /// <summary>
    /// What this hub owes a partner hub (a credit balance) or is owed by it (a debit balance) for suppliers paid across
    /// hubs, freight billed to buyers across hubs and claw-backs, settled by bank transfers between the hubs that
    /// operators record (owner: partner hub id).
    /// </summary>
    PartnerHub,

    /// <summary>
    /// Freight of the shipments that departed from this hub, billed to their consignments' payers and owed to the carriers
    /// (owner: hub id).
    /// </summary>
    FreightPayable,
}
