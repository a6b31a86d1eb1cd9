using System.Text;
using System.Text.Json;
using Hub.ServiceDefaults.Validation;

namespace Hub.Catalog.Endpoints;

/// <summary>
/// Where a keyset-paginated search stopped: the sort it belongs to, the last row's sort key and its product number.
/// Opaque to clients (see <see cref="PageCursor"/>), so the encoding can change without breaking them.
/// </summary>
internal sealed record SearchCursor(string Sort, decimal Key, long Number)
{
    /// <summary>Whether <see cref="Key"/> can be a value of the sort's column: a MOQ is a whole number of units.</summary>
    public bool HasKeyOfItsSort => Sort != "moq_asc" || (Key == decimal.Truncate(Key) && Key is >= 0 and <= int.MaxValue);

    public string Encode() => PageCursor.Encode(this);

    /// <summary>No cursor (the first page) for a missing value; false for anything that is not a cursor of a search.</summary>
    public static bool TryDecode(string? value, out SearchCursor? cursor) => PageCursor.TryDecode(value, _ => true, out cursor);

    public override string ToString() => Encoding.UTF8.GetString(JsonSerializer.SerializeToUtf8Bytes(this));
}
