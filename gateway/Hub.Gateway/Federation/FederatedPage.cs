using System.Text.Json.Nodes;

namespace Hub.Gateway.Federation;

/// <summary>
/// One page of a federated search: what the hubs offer, merged (by <c>rank</c> when every item has one, else
/// interleaved so no hub buries another) in an order that keeps each hub's own, cut to the limit; and the cursor that
/// continues each hub right after what the page took, so paging repeats and skips nothing.
/// </summary>
internal static class FederatedPage
{
    /// <summary>The page of <paramref name="limit"/> items at most.</summary>
    /// <param name="hubs">Every hub's part, this hub first.</param>
    /// <param name="limit">The most items in the page.</param>
    public static FederatedSearchResult Of(IReadOnlyList<HubAsked> hubs, int limit)
    {
        var offered = hubs.Select(h => h.Offered).ToList();
        var taken = new int[hubs.Count];
        var items = Merge(offered, taken, limit);

        var positions = new Dictionary<string, HubPosition>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < hubs.Count; i++)
        {
            positions[hubs[i].Answer.Hub] = hubs[i].After(taken[i]);
        }

        // A hub that did not answer keeps its position (never done: a done hub is not asked) while those that answered
        // move on, so the next page asks it again from there and nothing is repeated: the search ends only once every
        // hub has answered with nothing left, never because the hubs that answered ran out.
        var more = positions.Values.Any(p => !p.Done);
        var answers = hubs.Select((h, i) => h.Answer with { Count = taken[i] }).ToList();
        return new FederatedSearchResult(items, answers, answers.Any(a => a.Missing), more ? new FederatedCursor(positions).Encode() : null);
    }

    private static List<JsonObject> Merge(List<IReadOnlyList<JsonObject>> offered, int[] taken, int limit)
    {
        var ranked = offered.Any(h => h.Count > 0) && offered.All(h => h.All(i => i["rank"] is JsonValue v && v.TryGetValue<double>(out _)));
        var items = new List<JsonObject>(limit);
        var turn = 0;
        while (items.Count < limit)
        {
            var hub = ranked ? HighestRanked(offered, taken) : NextInTurn(offered, taken, ref turn);
            if (hub < 0)
            {
                break;
            }

            items.Add(offered[hub][taken[hub]++]);
        }

        return items;
    }

    private static int HighestRanked(List<IReadOnlyList<JsonObject>> offered, int[] taken)
    {
        var best = -1;
        for (var hub = 0; hub < offered.Count; hub++)
        {
            if (taken[hub] < offered[hub].Count && (best < 0 || Rank(offered[hub][taken[hub]]) > Rank(offered[best][taken[best]])))
            {
                best = hub;
            }
        }

        return best;
    }

    private static int NextInTurn(List<IReadOnlyList<JsonObject>> offered, int[] taken, ref int turn)
    {
        for (var i = 0; i < offered.Count; i++)
        {
            var hub = (turn + i) % offered.Count;
            if (taken[hub] < offered[hub].Count)
            {
                turn = hub + 1;
                return hub;
            }
        }

        return -1;
    }

    private static double Rank(JsonObject item) => item["rank"]!.GetValue<double>();
}
