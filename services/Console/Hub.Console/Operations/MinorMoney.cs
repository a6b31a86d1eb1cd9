using System.Globalization;
using Hub.Contracts.Values;

namespace Hub.Console.Operations;

/// <summary>Money as the services send it: integer minor units of an ISO 4217 currency.</summary>
internal sealed record MinorMoney(long MinorUnits, string Currency)
{
    public override string ToString() => Show(MinorUnits, Currency);

    /// <summary>
    /// As the order's timeline says an amount ("KRW 1,000,000", "USD 1,085.00"): the code, then major units with the
    /// currency's own number of decimals; an unknown code still shows, as if it had cents.
    /// </summary>
    public static string Show(long minorUnits, string currency) =>
        CurrencyCode.TryParse(currency, out var code)
            ? Money.FromMinorUnits(minorUnits, code).ToString()
            : $"{currency} {(minorUnits / 100m).ToString("N2", CultureInfo.InvariantCulture)}";

    /// <summary>Minor units of an amount typed in major units ("1250.50" USD → 125050); null when it is not a whole number of them.</summary>
    public static long? FromMajor(string? text, string currency)
    {
        if (!decimal.TryParse(text?.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var major))
        {
            return null;
        }

        var minor = major * (decimal)Math.Pow(10, Digits(currency));
        return minor == decimal.Truncate(minor) && minor is > long.MinValue and < long.MaxValue ? (long)minor : null;
    }

    private static int Digits(string currency) => CurrencyCode.TryParse(currency, out var code) ? code.MinorUnits : 2;
}
