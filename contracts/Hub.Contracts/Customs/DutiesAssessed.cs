using Hub.Contracts.Platform;

namespace Hub.Contracts.Customs;

/// <summary>
/// Duties and taxes were assessed on an import declaration, under the regime named. Amounts are in minor units of
/// <paramref name="Currency"/> (the importing hub's), rounded per the rule recorded on the declaration.
/// </summary>
/// <param name="OrderId">The order the goods belong to.</param>
/// <param name="DeclarationId">Our declaration id.</param>
/// <param name="Hub">The importing hub.</param>
/// <param name="RegimeCode">"GENERAL" or the low-value regime's code, e.g. <c>CN-CBEC</c>.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="CustomsValueMinor">The customs value, in minor units.</param>
/// <param name="DutyMinor">Duty, in minor units.</param>
/// <param name="ConsumptionTaxMinor">Consumption tax, in minor units.</param>
/// <param name="VatMinor">Import VAT, in minor units.</param>
/// <param name="AssessedAt">When they were assessed (UTC).</param>
[CrossesHubs]
public sealed record DutiesAssessed(string OrderId, string DeclarationId, string Hub, string RegimeCode, string Currency, long CustomsValueMinor, long DutyMinor,
    long ConsumptionTaxMinor, long VatMinor, DateTime AssessedAt);
