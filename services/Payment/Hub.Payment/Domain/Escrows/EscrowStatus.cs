namespace Hub.Payment.Domain.Escrows;

internal enum EscrowStatus
{
    /// <summary>Funds held, possibly partly refunded.</summary>
    Secured,

    /// <summary>Paid to the supplier.</summary>
    Released,

    /// <summary>Everything went back to the buyer.</summary>
    Refunded,
}
