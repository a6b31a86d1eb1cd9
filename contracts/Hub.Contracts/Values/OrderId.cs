using System.Diagnostics.CodeAnalysis;

namespace Hub.Contracts.Values;

/// <summary>Identifies a wholesale order placed through a hub, e.g. "KR-O-000123".</summary>
/// <remarks>A type of its own so that ids of different records cannot be swapped by mistake.</remarks>
public readonly record struct OrderId
{
    /// <summary>The kind letter of this id in its <see cref="HubQualifiedId"/> form.</summary>
    public const string Kind = "O";

    /// <summary>Creates the id of record <paramref name="number"/> issued by <paramref name="hub"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="hub"/> is default.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is zero or negative.</exception>
    public OrderId(HubId hub, long number) => Value = new HubQualifiedId(hub, Kind, number);

    private OrderId(HubQualifiedId value) => Value = value;

    /// <summary>The untyped form, e.g. for storage keyed by any id.</summary>
    public HubQualifiedId Value { get; }

    /// <summary>The hub that issued the id.</summary>
    public HubId Hub => Value.Hub;

    /// <summary>The sequence number within the hub, from 1.</summary>
    public long Number => Value.Number;

    /// <summary>Parses a canonical id such as "KR-O-000123".</summary>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is null.</exception>
    /// <exception cref="FormatException">The value is not a canonical id of kind "O".</exception>
    public static OrderId Parse(string value) => new(HubQualifiedId.Parse(value, Kind, nameof(OrderId)));

    /// <summary>Tries to parse a canonical id; see <see cref="Parse"/>.</summary>
    public static bool TryParse([NotNullWhen(true)] string? value, out OrderId id)
    {
        var parsed = HubQualifiedId.TryParse(value, Kind, out var qualified);
        id = parsed ? new OrderId(qualified) : default;
        return parsed;
    }

    /// <summary>Returns the canonical form, e.g. "KR-O-000123".</summary>
    public override string ToString() => Value.ToString();
}
