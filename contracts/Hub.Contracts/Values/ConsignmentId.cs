using System.Diagnostics.CodeAnalysis;

namespace Hub.Contracts.Values;

/// <summary>Identifies a consignment: goods moving under one transport document, e.g. "KR-CS-000123".</summary>
/// <remarks>A type of its own so that ids of different records cannot be swapped by mistake.</remarks>
public readonly record struct ConsignmentId
{
    /// <summary>The kind letter of this id in its <see cref="HubQualifiedId"/> form.</summary>
    public const string Kind = "CS";

    /// <summary>Creates the id of record <paramref name="number"/> issued by <paramref name="hub"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="hub"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is zero or negative.</exception>
    public ConsignmentId(HubId hub, long number) => Value = new HubQualifiedId(hub, Kind, number);

    private ConsignmentId(HubQualifiedId value) => Value = value;

    /// <summary>The untyped form, e.g. for storage keyed by any id.</summary>
    public HubQualifiedId Value { get; }

    /// <summary>The hub that issued the id.</summary>
    public HubId Hub => Value.Hub;

    /// <summary>The sequence number within the hub, from 1.</summary>
    public long Number => Value.Number;

    /// <summary>Parses a canonical id such as "KR-CS-000123".</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">The value is not a canonical id of kind "CS".</exception>
    public static ConsignmentId Parse(string value) => new(HubQualifiedId.Parse(value, Kind, nameof(ConsignmentId)));

    /// <summary>Tries to parse a canonical id; see <see cref="Parse"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out ConsignmentId id)
    {
        var parsed = HubQualifiedId.TryParse(value, Kind, out var qualified);
        id = parsed ? new ConsignmentId(qualified) : default;
        return parsed;
    }

    /// <summary>Returns the canonical form, e.g. "KR-CS-000123".</summary>
    public override string ToString() => Value.ToString();
}
