using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Hub.Catalog.Endpoints;

/// <summary>
/// Where a keyset-paginated search stopped: the sort it belongs to, the last row's sort key and its product number.
/// Opaque to clients (base64url JSON), so the encoding can change without breaking them.
/// </summary>
internal sealed record SearchCursor(string Sort, decimal Key, long Number)
{
    /// <summary>Whether <see cref="Key"/> can be a value of the sort's column: a MOQ is a whole number of units.</summary>
    public bool HasKeyOfItsSort => Sort != "moq_asc" || (Key == decimal.Truncate(Key) && Key is >= 0 and <= int.MaxValue);

    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    public static bool TryDecode(string? value, out SearchCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        try
        {
            cursor = JsonSerializer.Deserialize<SearchCursor>(Base64Url.DecodeFromChars(value));
            return cursor is not null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }

    public override string ToString() => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(this));
}
