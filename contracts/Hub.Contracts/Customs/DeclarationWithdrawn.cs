using Hub.Contracts.Platform;

namespace Hub.Contracts.Customs;

/// <summary>A declaration was withdrawn by the declarant because the trade will not happen (the order was cancelled or failed).</summary>
/// <param name="OrderId">The order the goods belong to.</param>
/// <param name="DeclarationId">Our declaration id.</param>
/// <param name="Hub">The hub whose customs held the declaration.</param>
/// <param name="Type">"Export" or "Import".</param>
/// <param name="Reason">Why it was withdrawn.</param>
/// <param name="WithdrawnAt">When it was withdrawn (UTC).</param>
[CrossesHubs]
public sealed record DeclarationWithdrawn(string OrderId, string DeclarationId, string Hub, string Type, string Reason, DateTime WithdrawnAt);
