namespace Hub.Gateway.Federation;

/// <summary>
/// Where a federated search stands in one hub's results: the hub's own <c>cursor</c> (null for its first page) and how
/// many items of the page it answers from there earlier federated pages already took, the last of them by id; or
/// <c>done</c>, nothing left. A hub's cursor is opaque here and sent back only to that hub.
/// </summary>
/// <param name="Cursor">The hub's catalog cursor the position's page starts at; null for its first page.</param>
/// <param name="Skip">Items of that page already taken.</param>
/// <param name="Last">The id of the last item taken of that page: the page is followed from it even when items were
/// listed or delisted before it since (else from <see cref="Skip"/>).</param>
/// <param name="Done">Whether the hub has nothing left for this search.</param>
internal sealed record HubPosition(string? Cursor = null, int Skip = 0, string? Last = null, bool Done = false)
{
    /// <summary>A hub not asked yet.</summary>
    public static readonly HubPosition Start = new();

    /// <summary>A hub whose results were all taken.</summary>
    public static readonly HubPosition End = new(Done: true);
}
