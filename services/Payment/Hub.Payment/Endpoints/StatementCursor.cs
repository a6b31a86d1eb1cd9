using Hub.Payment.Data;
using Hub.ServiceDefaults.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Endpoints;

/// <summary>
/// Where a page of a wallet statement stopped: the last line's place among the wallet's lines. Opaque to clients (see
/// <see cref="PageCursor"/>), so the encoding can change without breaking them: a cursor given before lines were
/// numbered names the last line's posting time and id instead, and still finds its place.
/// </summary>
/// <param name="Sequence">The last line's <c>PostingLine.Sequence</c>; 0 in a cursor of the earlier kind.</param>
/// <param name="PostedAt">The last line's posting time, in a cursor of the earlier kind.</param>
/// <param name="Line">The last line's id, in a cursor of the earlier kind.</param>
internal sealed record StatementCursor(long Sequence, DateTime PostedAt = default, Guid Line = default)
{
    public string Encode() => PageCursor.Encode(this);

    /// <summary>No cursor (the first page) for a missing value; false for anything that is not a cursor this API gave.</summary>
    public static bool TryDecode(string? value, out StatementCursor? cursor) =>
        PageCursor.TryDecode(value, c => (c.Sequence > 0 && c.Line == Guid.Empty) || (c.Sequence == 0 && c.Line != Guid.Empty && c.PostedAt.Kind == DateTimeKind.Utc), out cursor);

    /// <summary>The place after which the next page starts in the statement of <paramref name="account"/>; null if the cursor names no line of it.</summary>
    public async Task<long?> SequenceInAsync(PaymentDbContext db, Guid account, CancellationToken cancellationToken) =>
        Sequence > 0
            ? Sequence
            : await db.PostingLines.Where(l => l.Id == Line && l.AccountId == account).Select(l => l.Sequence).SingleOrDefaultAsync(cancellationToken);
}
