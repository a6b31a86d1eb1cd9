namespace Hub.Customs.Domain.Reference;

/// <summary>What the customs value of goods includes.</summary>
internal enum ValuationBasis
{
    /// <summary>Cost, insurance and freight to the importing border (KR, CN, EU).</summary>
    Cif,

    /// <summary>Free on board at export (the US, FOB-like).</summary>
    Fob,
}
