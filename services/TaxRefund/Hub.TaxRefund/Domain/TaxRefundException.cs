namespace Hub.TaxRefund.Domain;

/// <summary>What kind of refusal a <see cref="TaxRefundException"/> is: it decides the HTTP/gRPC status.</summary>
internal enum TaxRefundErrorKind
{
    /// <summary>Bad input (400), naming <see cref="TaxRefundException.Field"/>.</summary>
    Invalid,

    /// <summary>Unknown or not the caller's (404).</summary>
    NotFound,

    /// <summary>The state does not allow it (409).</summary>
    Conflict,
}

/// <summary>A refused tax-refund operation.</summary>
internal sealed class TaxRefundException(TaxRefundErrorKind kind, string message, string? field = null) : Exception(message)
{
    public TaxRefundErrorKind Kind { get; } = kind;

    public string? Field { get; } = field;

    public static TaxRefundException Invalid(string field, string message) => new(TaxRefundErrorKind.Invalid, message, field);

    public static TaxRefundException Conflict(string message) => new(TaxRefundErrorKind.Conflict, message);

    public static TaxRefundException NotFound(string message) => new(TaxRefundErrorKind.NotFound, message);
}
