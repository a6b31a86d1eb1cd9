using Hub.Contracts.Platform;

namespace Hub.Contracts.Customs;

/// <summary>A declaration was rejected: the goods may not cross. The order should be compensated.</summary>
/// <param name="OrderId">The order the goods belong to.</param>
/// <param name="DeclarationId">Our declaration id.</param>
/// <param name="Hub">The hub that rejected it.</param>
/// <param name="Type">"Export" or "Import".</param>
/// <param name="Reason">Why it was rejected.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="DutiesMinor">Duties that had been assessed, in minor units (not charged).</param>
/// <param name="TaxesMinor">Taxes that had been assessed, in minor units (not charged).</param>
/// <param name="RejectedAt">When it was rejected (UTC).</param>
[CrossesHubs]
public sealed record DeclarationRejected(string OrderId, string DeclarationId, string Hub, string Type, string Reason, string Currency, long DutiesMinor, long TaxesMinor, DateTime RejectedAt);
