using System.Text.Json.Nodes;

namespace Hub.Gateway.Federation;

/// <summary>
/// The merged answer of every hub. <see cref="Partial"/> is true when any hub did not answer; <see cref="Hubs"/>
/// says which and why, so a result is never silently incomplete.
/// </summary>
public sealed record FederatedSearchResult(IReadOnlyList<JsonObject> Items, IReadOnlyList<HubAnswer> Hubs, bool Partial);
