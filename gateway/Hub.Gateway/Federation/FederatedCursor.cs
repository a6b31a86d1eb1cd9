using Hub.ServiceDefaults.Validation;

namespace Hub.Gateway.Federation;

/// <summary>
/// Where a federated search stopped: every hub's own position. Opaque to clients, a <see cref="PageCursor"/> like every
/// list's. A hub it does not name (a partner added since the first page) starts from its beginning.
/// </summary>
/// <param name="Hubs">Each hub's position, by hub id.</param>
internal sealed record FederatedCursor(IReadOnlyDictionary<string, HubPosition> Hubs)
{
    /// <summary>The first page's: every hub from its beginning.</summary>
    public static readonly FederatedCursor Start = new(new Dictionary<string, HubPosition>());

    /// <summary>Where <paramref name="hub"/> stands.</summary>
    /// <param name="hub">The hub id.</param>
    public HubPosition PositionOf(string hub) => Hubs.GetValueOrDefault(hub) ?? HubPosition.Start;

    /// <summary>The cursor as a client passes it back.</summary>
    public string Encode() => PageCursor.Encode(Hubs);

    /// <summary>Reads a cursor this gateway encoded; false for anything else.</summary>
    /// <param name="value">The <c>cursor</c> parameter.</param>
    /// <param name="cursor">The cursor read.</param>
    public static bool TryDecode(string value, out FederatedCursor? cursor)
    {
        cursor = null;
        if (!PageCursor.TryDecode<Dictionary<string, HubPosition?>>(value, hubs => hubs.Values.All(IsPosition), out var hubs))
        {
            return false;
        }

        cursor = new(hubs!.ToDictionary(h => h.Key, h => h.Value!, StringComparer.OrdinalIgnoreCase));
        return true;
    }

    private static bool IsPosition(HubPosition? p) =>
        p is not null && p.Skip >= 0 && !(p.Done && (p.Cursor is not null || p.Skip != 0 || p.Last is not null));
}
