namespace Hub.TaxRefund.Domain;

/// <summary>Open → Ready → Filed → Approved | Rejected; Approved → Paid; Open or Ready → Withdrawn.</summary>
internal enum ClaimState
{
    /// <summary>The export is cleared; evidence is still missing.</summary>
    Open,

    /// <summary>Export, departure and payment are all evidenced: the claim may be filed.</summary>
    Ready,

    /// <summary>Filed with the amounts computed; awaiting an operator.</summary>
    Filed,

    /// <summary>Approved by an operator; the payout is due.</summary>
    Approved,

    /// <summary>Rejected by an operator (final).</summary>
    Rejected,

    /// <summary>The refund was paid out to the supplier (final).</summary>
    Paid,

    /// <summary>The export declaration was withdrawn before the goods left: there is nothing to claim (final).</summary>
    Withdrawn,
}
