using Hub.Contracts.Platform;

namespace Hub.Contracts.Customs;

/// <summary>
/// The buyer's hub cleared an import declaration: duties and taxes are assessed and the goods are released.
/// Amounts are in minor units of <paramref name="Currency"/> (the importing hub's currency).
/// </summary>
/// <param name="OrderId">The order the goods belong to.</param>
/// <param name="DeclarationId">Our declaration id.</param>
/// <param name="Hub">The hub that cleared the import.</param>
/// <param name="Lrn">The declarant's local reference number.</param>
/// <param name="Mrn">The customs authority's movement reference number.</param>
/// <param name="Currency">ISO 4217 code of the amounts.</param>
/// <param name="DutiesMinor">Duties charged, in minor units.</param>
/// <param name="TaxesMinor">Consumption tax and VAT charged, in minor units.</param>
/// <param name="ClearedAt">When the declaration was cleared (UTC).</param>
/// <param name="ImporterCompany">
/// The importer of record's company id, who owes the duties and taxes: the buyer, or the supplier under DDP; null when
/// the declaration named a trader that is not a company of a hub.
/// </param>
[CrossesHubs]
public sealed record ImportCleared(
    string OrderId, string DeclarationId, string Hub, string Lrn, string Mrn, string Currency, long DutiesMinor, long TaxesMinor, DateTime ClearedAt,
    string? ImporterCompany = null);
