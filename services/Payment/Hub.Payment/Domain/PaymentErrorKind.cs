namespace Hub.Payment.Domain;

internal enum PaymentErrorKind
{
    /// <summary>Malformed input or input contradicting the records it names.</summary>
    Invalid,

    /// <summary>The record does not exist (or the caller may not know it does).</summary>
    NotFound,

    /// <summary>The record belongs to someone else.</summary>
    Forbidden,

    /// <summary>The state forbids the command now (funds, expiry, already released).</summary>
    Refused,

    /// <summary>The same id was already used with other terms.</summary>
    Conflict,
}
