using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Primitives;

namespace Hub.Gateway.Federation;

/// <summary>
/// A federated search's own parameters read from its query string: <c>limit</c> bounds the whole answer and
/// <c>cursor</c> holds every hub's position. Every other parameter is the catalog's and goes to each hub unchanged;
/// each hub is sent its own cursor and limit only.
/// </summary>
internal sealed class FederatedSearchQuery
{
    /// <summary>The page size when the caller names none, the catalog's own.</summary>
    public const int DefaultLimit = 20;

    private const string LimitName = "limit";
    private const string CursorName = "cursor";

    private readonly List<KeyValuePair<string, StringValues>> _passedOn;

    private FederatedSearchQuery(List<KeyValuePair<string, StringValues>> passedOn, int limit, FederatedCursor cursor)
    {
        _passedOn = passedOn;
        Limit = limit;
        Cursor = cursor;
    }

    /// <summary>The most items in the answer, from all hubs together.</summary>
    public int Limit { get; }

    /// <summary>Where each hub's results continue.</summary>
    public FederatedCursor Cursor { get; }

    /// <summary>Reads the query; the errors (by parameter) are empty when <paramref name="read"/> is set.</summary>
    /// <param name="query">The request's query string.</param>
    /// <param name="maxPageSize">The largest <c>limit</c> taken.</param>
    /// <param name="read">The query, when valid.</param>
    public static Dictionary<string, string[]> Read(IQueryCollection query, int maxPageSize, out FederatedSearchQuery? read)
    {
        read = null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var limit = DefaultLimit;
        if (query.TryGetValue(LimitName, out var limits)
            && (limits.Count != 1 || !int.TryParse(limits[0], NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 1 || limit > maxPageSize))
        {
            errors[LimitName] = [$"Between 1 and {maxPageSize}, for the whole answer."];
        }

        var cursor = FederatedCursor.Start;
        if (query.TryGetValue(CursorName, out var cursors) && !StringValues.IsNullOrEmpty(cursors)
            && (cursors.Count != 1 || !FederatedCursor.TryDecode(cursors[0]!, out cursor)))
        {
            errors[CursorName] = ["Not a cursor of a federated search; pass back the nextCursor of the previous page."];
        }

        if (errors.Count == 0)
        {
            var passedOn = query.Where(p => !p.Key.Equals(LimitName, StringComparison.OrdinalIgnoreCase) && !p.Key.Equals(CursorName, StringComparison.OrdinalIgnoreCase)).ToList();
            read = new FederatedSearchQuery(passedOn, limit, cursor!);
        }

        return errors;
    }

    /// <summary>
    /// The catalog search one hub is asked, from its position: its own cursor, and enough items to fill this page after
    /// those earlier pages took of the page that cursor starts (never more than <paramref name="maxPageSize"/>).
    /// </summary>
    /// <param name="path">The catalog search path.</param>
    /// <param name="position">Where the hub stands.</param>
    /// <param name="maxPageSize">The most items one hub is asked for.</param>
    public string TargetFor(string path, HubPosition position, int maxPageSize)
    {
        var query = new QueryBuilder(_passedOn) { { LimitName, Math.Min(position.Skip + Limit, maxPageSize).ToString(CultureInfo.InvariantCulture) } };
        if (position.Cursor is { } cursor)
        {
            query.Add(CursorName, cursor);
        }

        return path + query.ToQueryString().ToUriComponent();
    }
}
