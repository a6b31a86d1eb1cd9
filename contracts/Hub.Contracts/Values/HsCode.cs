using System.Diagnostics.CodeAnalysis;
using Hub.Contracts.Hs;

namespace Hub.Contracts.Values;

/// <summary>
/// A goods classification: an HS2022 6-digit subheading that exists in the nomenclature, optionally extended by the
/// destination country's national tariff line (8 to 13 digits in total, e.g. Korea HSK 10, China 10 or 13).
/// </summary>
/// <remarks>
/// Only the first six digits are international, so only they are checked against <see cref="HsNomenclature.Hs2022"/>;
/// national lines are owned by each hub's tariff data. The canonical text is digits only ("3304991000"), which is
/// what <see cref="ToString"/> returns and <see cref="Parse"/> reads back. <c>default(HsCode)</c> is not a code.
/// </remarks>
public readonly record struct HsCode
{
    /// <summary>The HS edition every <see cref="HsCode"/> is validated against.</summary>
    public const string CurrentEdition = "HS2022";

    private const int MaxDigits = 13;
    private const int MinNationalDigits = 8;

    private readonly string? _digits;

    private HsCode(string digits) => _digits = digits;

    /// <summary>The HS edition of the code ("HS2022"); stored so a code survives the next edition's renumbering.</summary>
    public string Edition => CurrentEdition;

    /// <summary>The international 6-digit subheading, e.g. "330499".</summary>
    public string Subheading => Digits[..6];

    /// <summary>The 4-digit heading, e.g. "3304".</summary>
    public string Heading => Digits[..4];

    /// <summary>The 2-digit chapter, e.g. "33".</summary>
    public string Chapter => Digits[..2];

    /// <summary>The full national tariff line including the subheading (e.g. "3304991000"), or null if none.</summary>
    public string? NationalLine => Digits.Length > 6 ? Digits : null;

    private string Digits => _digits ?? throw new InvalidOperationException("default(HsCode) is not a code; obtain one with HsCode.Parse.");

    /// <summary>
    /// Parses "330499", "3304.99", "3304.99.1000" or "3304991000"; dots and spaces are ignored.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">
    /// Not 6 or 8–13 digits, or the subheading does not exist in HS2022.
    /// </exception>
    public static HsCode Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var code, out var error) ? code : throw new FormatException(error);
    }

    /// <summary>Tries to parse a code; see <see cref="Parse"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out HsCode code) => TryParse(value, out code, out _);

    /// <summary>
    /// Combines a subheading with a national line that must start with it, e.g. ("330499", "3304991000").
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="subheading"/> is null.</exception>
    /// <exception cref="FormatException">Either part is malformed, or the line does not start with the subheading.</exception>
    public static HsCode Create(string subheading, string? nationalLine)
    {
        var parent = Parse(subheading);
        if (parent.NationalLine is not null)
        {
            throw new FormatException($"'{subheading}' is not a 6-digit subheading.");
        }

        if (nationalLine is null)
        {
            return parent;
        }

        var line = Parse(nationalLine);
        return line.Subheading == parent.Subheading && line.NationalLine is not null
            ? line
            : throw new FormatException($"National line '{nationalLine}' must have 8 to 13 digits and start with its subheading {parent.Subheading}.");
    }

    /// <summary>Returns the digits only, e.g. "330499" or "3304991000" (empty for <c>default(HsCode)</c>).</summary>
    public override string ToString() => _digits ?? string.Empty;

    private static bool TryParse(string? value, out HsCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        var digits = value?.Replace(".", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        if (digits is null || !digits.All(char.IsAsciiDigit) || !(digits.Length == 6 || digits.Length is >= MinNationalDigits and <= MaxDigits))
        {
            error = $"'{value}' is not an HS code: expected a 6-digit subheading or an 8 to 13-digit national line (dots and spaces allowed).";
            return false;
        }

        if (!HsNomenclature.Hs2022.IsValidSubheading(digits[..6]))
        {
            error = $"'{value}' is not an HS code: subheading {digits[..6]} does not exist in {CurrentEdition}.";
            return false;
        }

        code = new HsCode(digits);
        error = null;
        return true;
    }
}
