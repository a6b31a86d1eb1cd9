using Hub.Customs.Domain.Reference;

namespace Hub.Customs.Domain.LandedCost;

/// <summary>The reference data of one destination hub that a landed-cost calculation reads, loaded up front.</summary>
internal sealed record CustomsReference(
    CustomsAuthority Authority,
    IReadOnlyList<TariffLine> Tariff,
    IReadOnlyList<LowValueRegime> Regimes,
    IReadOnlyList<PreferentialRate> Preferences,
    IReadOnlyList<CustomsFxRate> FxRates,
    IReadOnlyList<BuyerImport> BuyerHistory);
