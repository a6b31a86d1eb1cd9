using Hub.ServiceDefaults.Validation;

namespace Hub.Payment.Endpoints;

/// <summary>
/// Where a page of a wallet statement stopped: the last line's posting time and line id, the order the statement runs
/// in. Opaque to clients (see <see cref="PageCursor"/>), so the encoding can change without breaking them.
/// </summary>
internal sealed record StatementCursor(DateTime PostedAt, Guid Line)
{
    public string Encode() => PageCursor.Encode(this);

    /// <summary>No cursor (the first page) for a missing value; false for anything that is not a cursor this API gave.</summary>
    public static bool TryDecode(string? value, out StatementCursor? cursor) =>
        PageCursor.TryDecode(value, c => c.PostedAt.Kind == DateTimeKind.Utc, out cursor);
}
