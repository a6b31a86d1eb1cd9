namespace Hub.Payment.Domain.Disputes;

internal enum DisputeStatus
{
    /// <summary>Buyer and supplier negotiate; the escrow is frozen.</summary>
    Negotiating,

    /// <summary>Handed to the platform; an operator decides.</summary>
    Escalated,

    /// <summary>Decided and settled.</summary>
    Resolved,
}
