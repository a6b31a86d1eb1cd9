using System.Diagnostics.CodeAnalysis;

namespace Hub.Contracts.Values;

/// <summary>
/// An ISO 4217 alphabetic currency code with its number of minor units (decimal places).
/// </summary>
/// <remarks>
/// Input is case-insensitive and normalised to upper case, so "krw" and "KRW" are the same currency.
/// Only codes with defined minor units are accepted: fund codes and metals (XAU, XDR, XTS, ...) have no minor units
/// and cannot carry a <see cref="Money"/> amount. <c>default(CurrencyCode)</c> is not a currency.
/// </remarks>
public readonly record struct CurrencyCode
{
    private readonly string? _code;
    private readonly int _minorUnits;

    private CurrencyCode(string code, int minorUnits)
    {
        _code = code;
        _minorUnits = minorUnits;
    }

    /// <summary>Korean won (0 minor units).</summary>
    public static CurrencyCode KRW { get; } = Parse("KRW");

    /// <summary>Chinese yuan renminbi (2 minor units).</summary>
    public static CurrencyCode CNY { get; } = Parse("CNY");

    /// <summary>Malaysian ringgit (2 minor units).</summary>
    public static CurrencyCode MYR { get; } = Parse("MYR");

    /// <summary>US dollar (2 minor units).</summary>
    public static CurrencyCode USD { get; } = Parse("USD");

    /// <summary>Euro (2 minor units).</summary>
    public static CurrencyCode EUR { get; } = Parse("EUR");

    /// <summary>Japanese yen (0 minor units).</summary>
    public static CurrencyCode JPY { get; } = Parse("JPY");

    /// <summary>The three upper-case letters of the code.</summary>
    /// <exception cref="InvalidOperationException">The instance is <c>default(CurrencyCode)</c>.</exception>
    public string Code => _code ?? throw NotACurrency();

    /// <summary>Number of decimal places of the currency's minor unit (ISO 4217 "E" column), 0 to 4.</summary>
    /// <exception cref="InvalidOperationException">The instance is <c>default(CurrencyCode)</c>.</exception>
    public int MinorUnits => _code is null ? throw NotACurrency() : _minorUnits;

    /// <summary>Parses an ISO 4217 code such as "USD" or "krw".</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">The value is not a known ISO 4217 code with minor units.</exception>
    public static CurrencyCode Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var currency)
            ? currency
            : throw new FormatException($"'{value}' is not an ISO 4217 currency code with minor units (expected e.g. USD, KRW).");
    }

    /// <summary>Tries to parse an ISO 4217 code; see <see cref="Parse"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out CurrencyCode currency)
    {
        currency = default;
        if (value is not { Length: 3 })
        {
            return false;
        }

        var code = value.ToUpperInvariant();
        if (!Iso4217.MinorUnits.TryGetValue(code, out var minorUnits))
        {
            return false;
        }

        currency = new CurrencyCode(code, minorUnits);
        return true;
    }

    /// <summary>Returns the code, e.g. "USD" (empty for <c>default(CurrencyCode)</c> so logging never throws).</summary>
    public override string ToString() => _code ?? string.Empty;

    private static InvalidOperationException NotACurrency() =>
        new("default(CurrencyCode) is not a currency; obtain one with CurrencyCode.Parse.");
}
