using System.Diagnostics.CodeAnalysis;

namespace Hub.Contracts.Values;

/// <summary>
/// Identifies a national e-hub by the ISO 3166-1 alpha-2 code of its country ("KR", "CN", "MY").
/// </summary>
/// <remarks>
/// A distinct type rather than a bare <see cref="CountryCode"/> because a hub is not interchangeable with an
/// origin or destination country: mixing them up would route a record to the wrong hub. Any assigned country can
/// host a hub, so new hubs need no code change.
/// </remarks>
public readonly record struct HubId
{
    /// <summary>Creates the id of the hub operated in <paramref name="country"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="country"/> is <c>default(CountryCode)</c>.</exception>
    public HubId(CountryCode country)
    {
        if (country == default)
        {
            throw new ArgumentException("A hub needs a country; default(CountryCode) is not one.", nameof(country));
        }

        Country = country;
    }

    /// <summary>The Korean hub.</summary>
    public static HubId KR { get; } = new(CountryCode.KR);

    /// <summary>The Chinese hub.</summary>
    public static HubId CN { get; } = new(CountryCode.CN);

    /// <summary>The Malaysian hub.</summary>
    public static HubId MY { get; } = new(CountryCode.MY);

    /// <summary>The country that operates the hub.</summary>
    public CountryCode Country { get; }

    /// <summary>Parses a hub id such as "KR" (case-insensitive, like <see cref="CountryCode"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">The value is not an assigned ISO 3166-1 alpha-2 code.</exception>
    public static HubId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var hub)
            ? hub
            : throw new FormatException($"'{value}' is not a hub id: expected an ISO 3166-1 alpha-2 country code such as KR, CN or MY.");
    }

    /// <summary>Tries to parse a hub id; see <see cref="Parse"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out HubId hub)
    {
        hub = CountryCode.TryParse(value, out var country) ? new HubId(country) : default;
        return hub != default;
    }

    /// <summary>Returns the country code, e.g. "KR".</summary>
    public override string ToString() => Country.ToString();
}
