using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.Gateway.Federation;

/// <summary>
/// Where a federated search stopped: every hub's own position. Opaque to clients (base64url JSON), like the catalog's
/// cursor. A hub it does not name (a partner added since the first page) starts from its beginning.
/// </summary>
/// <param name="Hubs">Each hub's position, by hub id.</param>
internal sealed record FederatedCursor(IReadOnlyDictionary<string, HubPosition> Hubs)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault };

    /// <summary>The first page's: every hub from its beginning.</summary>
    public static readonly FederatedCursor Start = new(new Dictionary<string, HubPosition>());

    /// <summary>Where <paramref name="hub"/> stands.</summary>
    /// <param name="hub">The hub id.</param>
    public HubPosition PositionOf(string hub) => Hubs.GetValueOrDefault(hub) ?? HubPosition.Start;

    /// <summary>The cursor as a client passes it back.</summary>
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(Hubs, Json));

    /// <summary>Reads a cursor this gateway encoded; false for anything else.</summary>
    /// <param name="value">The <c>cursor</c> parameter.</param>
    /// <param name="cursor">The cursor read.</param>
    public static bool TryDecode(string value, out FederatedCursor? cursor)
    {
        cursor = null;
        try
        {
            var hubs = JsonSerializer.Deserialize<Dictionary<string, HubPosition?>>(Base64Url.DecodeFromChars(value), Json);
            if (hubs is null || hubs.Values.Any(p => p is null || p.Skip < 0 || (p.Done && (p.Cursor is not null || p.Skip != 0 || p.Last is not null))))
            {
                return false;
            }

            cursor = new(hubs.ToDictionary(h => h.Key, h => h.Value!, StringComparer.OrdinalIgnoreCase));
            return true;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }
}
