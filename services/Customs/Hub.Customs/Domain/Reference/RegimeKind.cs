namespace Hub.Customs.Domain.Reference;

internal enum RegimeKind
{
    /// <summary>Free of duty and VAT up to and including the threshold; above it the whole value is taxed (KR).</summary>
    DeMinimis,

    /// <summary>Reduced taxation within per-transaction and annual per-buyer limits (CN cross-border e-commerce retail).</summary>
    CrossBorderRetail,
}
