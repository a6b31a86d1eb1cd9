using System.Buffers.Text;
using System.Text.Json;

namespace Hub.Payment.Endpoints;

/// <summary>
/// Where a page of a wallet statement stopped: the last line's posting time and line id, the order the statement runs
/// in. Opaque to clients (base64url JSON), so the encoding can change without breaking them.
/// </summary>
internal sealed record StatementCursor(DateTime PostedAt, Guid Line)
{
    public string Encode() => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(this));

    /// <summary>No cursor (the first page) for a missing value; false for anything that is not a cursor this API gave.</summary>
    public static bool TryDecode(string? value, out StatementCursor? cursor)
    {
        cursor = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        try
        {
            var decoded = JsonSerializer.Deserialize<StatementCursor>(Base64Url.DecodeFromChars(value));
            cursor = decoded is { PostedAt.Kind: DateTimeKind.Utc } ? decoded : null;
            return cursor is not null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }
}
