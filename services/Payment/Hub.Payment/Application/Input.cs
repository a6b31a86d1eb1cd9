using Hub.Contracts.Values;
using Hub.Payment.Domain;
using Hub.Payment.Domain.Escrows;

namespace Hub.Payment.Application;

/// <summary>Parses what callers send, refusing it with the field at fault.</summary>
internal static class Input
{
    public static CompanyId Company(string field, string? value) =>
        CompanyId.TryParse(value, out var id) ? id : throw PaymentException.Invalid(field, $"'{value}' is not a company id (e.g. KR-C-000001).");

    public static OrderId Order(string field, string? value) =>
        OrderId.TryParse(value, out var id) ? id : throw PaymentException.Invalid(field, $"'{value}' is not an order id (e.g. KR-O-000001).");

    public static CurrencyCode Currency(string field, string? value) =>
        CurrencyCode.TryParse(value, out var currency) ? currency : throw PaymentException.Invalid(field, $"'{value}' is not an ISO 4217 currency code.");

    public static Guid Id(string field, string? value) =>
        Guid.TryParse(value, out var id) ? id : throw PaymentException.Invalid(field, $"'{value}' is not an id.");

    public static string Key(string field, string? value) => Text(field, value, 100, "A key of 1 to 100 characters is required.");

    /// <summary>Required text of 1 to <paramref name="maxLength"/> characters, not blank, trimmed; <paramref name="rule"/> refuses anything else.</summary>
    public static string Text(string field, string? value, int maxLength, string rule) =>
        value is { Length: > 0 } && value.Length <= maxLength && !string.IsNullOrWhiteSpace(value)
            ? value.Trim()
            : throw PaymentException.Invalid(field, rule);

    /// <summary>An optional name of at most <see cref="Escrow.MaxNameLength"/> characters, trimmed; null when blank.</summary>
    public static string? Name(string field, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : value.Trim() is { Length: <= Escrow.MaxNameLength } name ? name
        : throw PaymentException.Invalid(field, $"A name is at most {Escrow.MaxNameLength} characters (was {value.Trim().Length}).");

    /// <summary>The value of a required object (an amount), refused as missing when the request left it out.</summary>
    public static T Required<T>(string field, T? value) where T : class =>
        value ?? throw PaymentException.Invalid(field, $"The field {field} is required.");

    /// <summary>A positive amount from minor units, at most <see cref="MoneyBounds.MaxAmountMinorUnits"/>.</summary>
    public static Money Amount(string field, long minorUnits, string? currency)
    {
        var code = Currency(field + ".currency", currency);
        if (minorUnits <= 0)
        {
            throw PaymentException.Invalid(field, $"The amount must be positive (was {minorUnits} minor units).");
        }

        if (minorUnits > MoneyBounds.MaxAmountMinorUnits)
        {
            throw PaymentException.Invalid(field, $"The amount is at most {MoneyBounds.LargestAmount(code)} ({MoneyBounds.MaxAmountMinorUnits} minor units; was {minorUnits}).");
        }

        return Money.FromMinorUnits(minorUnits, code);
    }
}
