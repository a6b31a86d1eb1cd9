using Hub.Contracts.Values;
using Hub.Customs.Domain.LandedCost;
using Hub.Customs.Domain.Reference;

namespace Hub.Customs.Tests.Domain;

/// <summary>Reference data built in memory for domain tests: each test states the rates it relies on.</summary>
internal static class Given
{
    public static readonly DateOnly Day = new(2026, 11, 23);

    public static readonly Validity Always = new(new DateOnly(2020, 1, 1), null);

    public static CustomsAuthority Kr { get; } = new(HubId.KR, CurrencyCode.KRW, ValuationBasis.Cif, MoneyRounding.HalfUp);

    public static CustomsAuthority Cn { get; } = new(HubId.CN, CurrencyCode.CNY, ValuationBasis.Cif, MoneyRounding.HalfUp);

    public static CustomsFxRate Fx(HubId hub, string currency, decimal rate) => CustomsFxRate.Create(hub, CurrencyCode.Parse(currency), rate, Always);

    public static TariffLine Line(HubId hub, string prefix, decimal duty, decimal vat, decimal ct = 0m, Validity? validity = null, int version = 1) =>
        TariffLine.AdValorem(hub, prefix, "test line", duty, vat, ct, validity ?? Always, version);

    public static LowValueRegime KrGeneral { get; } = LowValueRegime.Create(HubId.KR, "KR-GENERAL-150", "KR general", RegimeKind.DeMinimis, TradeChannel.ECommerce,
        null, "", CurrencyCode.USD, RegimeValueBasis.Intrinsic, 150m, null, true, 0m, 0m, Always);

    public static LowValueRegime KrListUs { get; } = LowValueRegime.Create(HubId.KR, "KR-LIST-US-200", "KR US list", RegimeKind.DeMinimis, TradeChannel.ECommerce,
        CountryCode.Parse("US"), "01-31,33", CurrencyCode.USD, RegimeValueBasis.Intrinsic, 200m, null, true, 0m, 0m, Always);

    public static LowValueRegime CnCbec { get; } = LowValueRegime.Create(HubId.CN, "CN-CBEC", "CN CBEC", RegimeKind.CrossBorderRetail, TradeChannel.ECommerce,
        null, "", CurrencyCode.CNY, RegimeValueBasis.CustomsValue, 5000m, 26000m, false, 0m, 0.7m, Always);

    public static CustomsReference For(CustomsAuthority authority, IEnumerable<TariffLine> tariff, IEnumerable<CustomsFxRate>? fx = null,
        IEnumerable<LowValueRegime>? regimes = null, IEnumerable<PreferentialRate>? preferences = null, IEnumerable<BuyerImport>? history = null) =>
        new(authority, [.. tariff], [.. regimes ?? []], [.. preferences ?? []], [.. fx ?? []], [.. history ?? []]);

    public static LandedCostRequest Request(HubId destination, string currency, Incoterm incoterm, decimal freight, decimal insurance, params GoodsLine[] lines) =>
        new(destination, CurrencyCode.Parse(currency), incoterm, freight, insurance, TradeChannel.GeneralTrade, null, Day, lines);

    public static GoodsLine Goods(string hs, string origin, decimal value, decimal quantity = 1m, string unit = "NAR", CertificateOfOrigin? certificate = null) =>
        new(HsCode.Parse(hs), CountryCode.Parse(origin), quantity, unit, value, certificate);
}
