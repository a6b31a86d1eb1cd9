using System.Text.Json.Nodes;

namespace Hub.Gateway.Federation;

/// <summary>
/// One page of the merged answer of every hub. <see cref="Partial"/> is true when any hub did not answer; <see cref="Hubs"/>
/// says which and why, so a result is never silently incomplete.
/// </summary>
/// <param name="Items">At most the search's <c>limit</c> items, each with its <c>hub</c>.</param>
/// <param name="Hubs">Every hub's outcome.</param>
/// <param name="Partial">Whether any hub asked did not answer.</param>
/// <param name="NextCursor">Pass back as <c>cursor</c> for the next page, also after a partial one (it asks the hubs that did
/// not answer again, from where they were); null only when every hub has answered with nothing left.</param>
public sealed record FederatedSearchResult(IReadOnlyList<JsonObject> Items, IReadOnlyList<HubAnswer> Hubs, bool Partial, string? NextCursor);
