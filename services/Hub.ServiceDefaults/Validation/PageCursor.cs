using System.Buffers.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hub.ServiceDefaults.Validation;

/// <summary>
/// The cursors of paged lists: where a page ended (a small record of the list's sort keys), written as base64url JSON
/// that the client passes back untouched to get the next page.
/// </summary>
public static class PageCursor
{
    // A member the position does not have makes it another list's cursor, or a made-up one. Members at their default
    // are left out (read back as that default), which keeps cursors short.
    private static readonly JsonSerializerOptions Json = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingDefault,
    };

    /// <summary>The cursor of <paramref name="position"/>.</summary>
    /// <typeparam name="T">The record of the list's sort keys.</typeparam>
    /// <param name="position">Where the page ended.</param>
    public static string Encode<T>(T position) => Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(position, Json));

    /// <summary>
    /// The position a cursor names: null (the first page) for no cursor; false for anything that is not a cursor of
    /// this list, including one that decodes to a position <paramref name="isValid"/> refuses.
    /// </summary>
    /// <typeparam name="T">The record of the list's sort keys.</typeparam>
    /// <param name="value">The cursor sent, if any.</param>
    /// <param name="isValid">Whether a decoded position can be used (a time in UTC, say).</param>
    /// <param name="position">The position, or null.</param>
    public static bool TryDecode<T>(string? value, Func<T, bool> isValid, out T? position)
        where T : class
    {
        position = null;
        if (string.IsNullOrEmpty(value))
        {
            return true;
        }

        try
        {
            var decoded = JsonSerializer.Deserialize<T>(Base64Url.DecodeFromChars(value), Json);
            position = decoded is not null && isValid(decoded) ? decoded : null;
            return position is not null;
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return false;
        }
    }
}
