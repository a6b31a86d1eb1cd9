using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Hub.Contracts.Values;

/// <summary>
/// A record id that carries the hub that issued it and the kind of record: "KR-P-000123" is product 123 of the
/// Korean hub. Ids are unique per hub and kind, so hubs can issue them without coordinating.
/// </summary>
/// <remarks>
/// The text form is canonical: upper-case hub and kind, the number zero-padded to at least six digits and with no
/// further leading zeros. Parsing accepts only that form, so two equal ids always have the same text (safe as keys,
/// in URLs and in logs). Numbers start at 1.
/// </remarks>
public readonly record struct HubQualifiedId
{
    private const int MinDigits = 6;
    private const int MaxKindLength = 3;

    /// <summary>Creates an id from its parts.</summary>
    /// <exception cref="ArgumentException">
    /// <paramref name="hub"/> is default, or <paramref name="kind"/> is not 1–3 upper-case ASCII letters.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is zero or negative.</exception>
    public HubQualifiedId(HubId hub, string kind, long number)
    {
        if (hub == default)
        {
            throw new ArgumentException("An id needs the hub that issued it; default(HubId) is not one.", nameof(hub));
        }

        if (!IsKind(kind))
        {
            throw new ArgumentException($"Id kind '{kind}' must be 1 to {MaxKindLength} upper-case ASCII letters.", nameof(kind));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(number);
        Hub = hub;
        Kind = kind;
        Number = number;
    }

    /// <summary>The hub that issued the id.</summary>
    public HubId Hub { get; }

    /// <summary>The kind of record, e.g. "P" for product.</summary>
    public string Kind { get; }

    /// <summary>The sequence number within hub and kind, from 1.</summary>
    public long Number { get; }

    /// <summary>Parses a canonical id such as "KR-P-000123".</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">The value is not a canonical hub-qualified id.</exception>
    public static HubQualifiedId Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, out var id)
            ? id
            : throw new FormatException($"'{value}' is not a hub-qualified id: expected HUB-KIND-NUMBER such as KR-P-000123.");
    }

    /// <summary>Tries to parse a canonical id; see <see cref="Parse(string)"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out HubQualifiedId id)
    {
        id = default;
        if (value?.Split('-') is not [var hubPart, var kind, var digits]
            || hubPart.Length != 2 || !hubPart.All(char.IsAsciiLetterUpper) || !HubId.TryParse(hubPart, out var hub)
            || !IsKind(kind)
            || digits.Length < MinDigits || (digits.Length > MinDigits && digits[0] == '0')
            || !long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number == 0)
        {
            return false;
        }

        id = new HubQualifiedId(hub, kind, number);
        return true;
    }

    /// <summary>Returns the canonical form, e.g. "KR-P-000123" (empty for <c>default(HubQualifiedId)</c>).</summary>
    public override string ToString() =>
        Kind is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $"{Hub}-{Kind}-{Number:D6}");

    // Shared by the typed ids so each only names its kind.
    internal static HubQualifiedId Parse(string value, string kind, string typeName)
    {
        ArgumentNullException.ThrowIfNull(value);
        return TryParse(value, kind, out var id)
            ? id
            : throw new FormatException($"'{value}' is not a {typeName}: expected HUB-{kind}-NUMBER such as KR-{kind}-000123.");
    }

    internal static bool TryParse(string? value, string kind, out HubQualifiedId id)
    {
        if (TryParse(value, out id) && id.Kind == kind)
        {
            return true;
        }

        id = default;
        return false;
    }

    private static bool IsKind([NotNullWhen(true)] string? kind) =>
        kind is { Length: > 0 and <= MaxKindLength } && kind.All(char.IsAsciiLetterUpper);
}
