using Hub.Contracts.Platform;

namespace Hub.Contracts.Customs;

/// <summary>
/// The supplier's hub cleared an export declaration: the goods may leave. Its data is the destination hub's pre-arrival
/// information. Amounts are in minor units of <paramref name="Currency"/> (exports carry no duties: zero).
/// </summary>
/// <param name="OrderId">The order the goods belong to, e.g. <c>CN-O-000042</c>.</param>
/// <param name="DeclarationId">Our declaration id, e.g. <c>KR-D-000007</c>.</param>
/// <param name="Hub">The hub that cleared the export.</param>
/// <param name="Lrn">The declarant's local reference number.</param>
/// <param name="Mrn">The customs authority's movement reference number.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="DutiesMinor">Duties charged, in minor units.</param>
/// <param name="TaxesMinor">Consumption tax and VAT charged, in minor units.</param>
/// <param name="ClearedAt">When the declaration was cleared (UTC).</param>
[CrossesHubs]
public sealed record ExportCleared(string OrderId, string DeclarationId, string Hub, string Lrn, string Mrn, string Currency, long DutiesMinor, long TaxesMinor, DateTime ClearedAt);
