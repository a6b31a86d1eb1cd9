using System.Text.Json.Nodes;

namespace Hub.Gateway.Federation;

/// <summary>One hub's part in a page of a federated search: how it answered, from where, and what it returned.</summary>
/// <param name="Answer">Its outcome.</param>
/// <param name="From">The position it was asked from.</param>
/// <param name="Items">The items it returned, from the start of the page its cursor begins (each stamped with its hub).</param>
/// <param name="NextCursor">Its own cursor after those items; null when it has no more.</param>
/// <param name="Refusal">This hub's catalog's refusal of the query (home hub only).</param>
internal sealed record HubAsked(HubAnswer Answer, HubPosition From, IReadOnlyList<JsonObject> Items, string? NextCursor, HttpValidationProblemDetails? Refusal = null)
{
    public bool Answered => Answer.Status == HubAnswer.Answered;

    /// <summary>What it offers this page: its items after those earlier pages took; nothing when it did not answer.</summary>
    public IReadOnlyList<JsonObject> Offered => Answered ? [.. Items.Skip(Taken())] : [];

    /// <summary>Its position once this page took <paramref name="taken"/> of <see cref="Offered"/>; unchanged when it did not answer.</summary>
    /// <param name="taken">Items of this hub in the page.</param>
    public HubPosition After(int taken)
    {
        var used = Taken() + taken;
        return !Answered ? From
            : used < Items.Count ? From with { Skip = used, Last = taken > 0 ? IdOf(Items[used - 1]) : From.Last }
            : NextCursor is null ? HubPosition.End
            : new HubPosition(NextCursor);
    }

    // Items earlier pages took: up to the last one taken when it is still there, else as many as were taken.
    private int Taken()
    {
        if (From.Last is { } last)
        {
            for (var i = 0; i < Items.Count; i++)
            {
                if (IdOf(Items[i]) == last)
                {
                    return i + 1;
                }
            }
        }

        return From.Skip;
    }

    private static string? IdOf(JsonObject item) => item["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;
}
