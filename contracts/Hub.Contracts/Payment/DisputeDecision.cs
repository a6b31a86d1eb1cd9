namespace Hub.Contracts.Payment;

/// <summary>An operator's decision on an escalated dispute.</summary>
public enum DisputeDecision
{
    /// <summary>Everything held goes back to the buyer.</summary>
    Refund = 1,

    /// <summary>Part goes back to the buyer, the rest is released to the supplier.</summary>
    PartialRefund = 2,

    /// <summary>Everything held is released to the supplier.</summary>
    Release = 3,
}
