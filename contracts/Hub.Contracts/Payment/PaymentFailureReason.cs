namespace Hub.Contracts.Payment;

/// <summary>Why a payment into escrow was refused.</summary>
public enum PaymentFailureReason
{
    /// <summary>The buyer's wallet holds less than the amount.</summary>
    InsufficientFunds = 1,

    /// <summary>The FX quote's lock ran out before it was used.</summary>
    QuoteExpired = 2,

    /// <summary>The FX quote was already used for another order.</summary>
    QuoteUsed = 3,

    /// <summary>The FX quote was issued to another company.</summary>
    QuoteForeign = 4,

    /// <summary>The amount or currency differs from the FX quote's.</summary>
    AmountMismatch = 5,

    /// <summary>No FX quote with that id exists.</summary>
    QuoteNotFound = 6,
}
