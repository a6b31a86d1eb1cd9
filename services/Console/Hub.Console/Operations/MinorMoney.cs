using System.Globalization;

namespace Hub.Console.Operations;

/// <summary>Money as the services send it: integer minor units of an ISO 4217 currency.</summary>
internal sealed record MinorMoney(long MinorUnits, string Currency)
{
    public override string ToString() => Show(MinorUnits, Currency);

    /// <summary>Major units with the currency's own number of decimals (KRW 0, USD 2, …).</summary>
    public static string Show(long minorUnits, string currency)
    {
        var digits = Digits(currency);
        var major = minorUnits / (decimal)Math.Pow(10, digits);
        return $"{major.ToString("N" + digits, CultureInfo.InvariantCulture)} {currency}";
    }

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

    // An unknown code still shows, as if it had cents.
    private static int Digits(string currency) =>
        Hub.Contracts.Values.CurrencyCode.TryParse(currency, out var code) ? code.MinorUnits : 2;
}
