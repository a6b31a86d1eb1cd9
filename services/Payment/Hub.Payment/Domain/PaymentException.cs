using Hub.Contracts.Payment;

namespace Hub.Payment.Domain;

/// <summary>A payment command refused for a reason the caller can act on; nothing was posted.</summary>
internal sealed class PaymentException : Exception
{
    public PaymentException(PaymentErrorKind kind, string reason, string message, string? field = null, PaymentFailureReason? failure = null)
        : base(message)
    {
        Kind = kind;
        Reason = reason;
        Field = field;
        Failure = failure;
    }

    public PaymentErrorKind Kind { get; }

    /// <summary>A stable kebab-case code, e.g. <c>insufficient-funds</c>.</summary>
    public string Reason { get; }

    /// <summary>The input field at fault, for validation problems.</summary>
    public string? Field { get; }

    /// <summary>Set when the refusal is a failed payment that the order must hear about.</summary>
    public PaymentFailureReason? Failure { get; }

    public static PaymentException Invalid(string field, string message) => new(PaymentErrorKind.Invalid, "invalid-" + field, message, field);

    public static PaymentException NotFound(string what, string id) => new(PaymentErrorKind.NotFound, what + "-not-found", $"No {what} '{id}'.");
}
