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
internal sealed class TaxRefundException(TaxRefundErrorKind kind, string message, string? field = null, string? title = null) : Exception(message)
{
    /// <summary>The title of a conflict with a claim's state, the most common one.</summary>
    public const string ClaimStateTitle = "The claim's state does not allow this.";

    public TaxRefundErrorKind Kind { get; } = kind;

    public string? Field { get; } = field;

    /// <summary>What kind of conflict it is, in a few words (the problem's title); null for other refusals.</summary>
    public string? Title { get; } = title;

    public static TaxRefundException Invalid(string field, string message) => new(TaxRefundErrorKind.Invalid, message, field);

    /// <summary>A refusal (409) because of what is already recorded.</summary>
    /// <param name="message">What is in the way, for the problem's detail.</param>
    /// <param name="title">What kind of conflict it is; a claim's state unless said otherwise.</param>
    public static TaxRefundException Conflict(string message, string title = ClaimStateTitle) => new(TaxRefundErrorKind.Conflict, message, title: title);

    public static TaxRefundException NotFound(string message) => new(TaxRefundErrorKind.NotFound, message);
}
