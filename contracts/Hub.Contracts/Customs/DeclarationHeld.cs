using Hub.Contracts.Platform;

namespace Hub.Contracts.Customs;

/// <summary>
/// A declaration was held for an operator's review (a denied-party screening hit or missing data). Amounts are the
/// assessed duties and taxes in minor units of <paramref name="Currency"/>.
/// </summary>
/// <param name="OrderId">The order the goods belong to.</param>
/// <param name="DeclarationId">Our declaration id.</param>
/// <param name="Hub">The hub holding the declaration.</param>
/// <param name="Type">"Export" or "Import".</param>
/// <param name="Reason">Why it is held.</param>
/// <param name="ScreeningScore">The best Jaro-Winkler score against the denied-party list (0 to 1).</param>
/// <param name="ScreeningListVersion">The version of the list screened against.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="DutiesMinor">Duties assessed, in minor units.</param>
/// <param name="TaxesMinor">Consumption tax and VAT assessed, in minor units.</param>
/// <param name="HeldAt">When it was held (UTC).</param>
[CrossesHubs]
public sealed record DeclarationHeld(string OrderId, string DeclarationId, string Hub, string Type, string Reason, double ScreeningScore, int ScreeningListVersion,
    string Currency, long DutiesMinor, long TaxesMinor, DateTime HeldAt);
