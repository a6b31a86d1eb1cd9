namespace Hub.Contracts.Platform;

/// <summary>
/// Marks the messages that travel between hubs: the supplier's hub's facts about an order another hub owns (customs,
/// consignments), the settlement a buyer's hub sends the supplier's, and probes. A hub sends no other message to a
/// partner, and its gateway takes no other from one.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CrossesHubsAttribute : Attribute;
