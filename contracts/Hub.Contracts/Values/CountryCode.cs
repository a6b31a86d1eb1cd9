using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Hub.Contracts.Values;

/// <summary>An officially assigned ISO 3166-1 alpha-2 country code, e.g. "KR", "CN", "MY".</summary>
/// <remarks>
/// Input is case-insensitive and normalised to upper case ("kr" parses as KR) because user-typed and partner data
/// arrive in either case and the meaning is unambiguous. User-assigned (XA–XZ, AA, QM–QZ, ZZ), exceptionally
/// reserved (EU, UK, ...) and withdrawn codes are rejected. <c>default(CountryCode)</c> is not a country.
/// </remarks>
public readonly record struct CountryCode
{
    private const string Assigned =
        "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY " +
        "BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK " +
        "FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR " +
        "IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK " +
        "ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM " +
        "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF " +
        "TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

    private static readonly FrozenSet<string> AssignedCodes = Assigned.Split(' ').ToFrozenSet(StringComparer.Ordinal);

    private readonly string? _code;

    private CountryCode(string code) => _code = code;

    /// <summary>Republic of Korea.</summary>
    public static CountryCode KR { get; } = Parse("KR");

    /// <summary>China.</summary>
    public static CountryCode CN { get; } = Parse("CN");

    /// <summary>Malaysia.</summary>
    public static CountryCode MY { get; } = Parse("MY");

    /// <summary>The two upper-case letters of the code.</summary>
    /// <exception cref="InvalidOperationException">The instance is <c>default(CountryCode)</c>.</exception>
    public string Code => _code ?? throw new InvalidOperationException("default(CountryCode) is not a country; obtain one with CountryCode.Parse.");

    /// <summary>Parses an alpha-2 code such as "KR" or "kr".</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">The value is not an officially assigned ISO 3166-1 alpha-2 code.</exception>
    public static CountryCode Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var country)
            ? country
            : throw new FormatException($"'{value}' is not an officially assigned ISO 3166-1 alpha-2 country code (expected e.g. KR, CN, MY).");
    }

    /// <summary>Tries to parse an alpha-2 code; see <see cref="Parse"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out CountryCode country)
    {
        country = default;
        if (value is not { Length: 2 })
        {
            return false;
        }

        var code = value.ToUpperInvariant();
        if (!AssignedCodes.Contains(code))
        {
            return false;
        }

        country = new CountryCode(code);
        return true;
    }

    /// <summary>Returns the code, e.g. "KR" (empty for <c>default(CountryCode)</c> so logging never throws).</summary>
    public override string ToString() => _code ?? string.Empty;
}
