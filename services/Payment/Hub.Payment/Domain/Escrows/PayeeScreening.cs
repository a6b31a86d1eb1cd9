namespace Hub.Payment.Domain.Escrows;

/// <summary>A payee's name screened against the hub's denied-party list: the best score, the listed name it matched, the list version.</summary>
internal sealed record PayeeScreening(bool Hit, double Score, string? MatchedName, int ListVersion);

/// <summary>The operators' decision on a payee the screening held.</summary>
internal enum PayeeDecision
{
    /// <summary>A false match: the escrow is released to the supplier as usual.</summary>
    Release = 1,

    /// <summary>A confirmed match: nothing is released, what remains goes back to the buyer.</summary>
    Refund = 2,
}
