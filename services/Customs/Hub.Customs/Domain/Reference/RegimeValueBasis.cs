namespace Hub.Customs.Domain.Reference;

/// <summary>Which value a regime's limits are measured against.</summary>
internal enum RegimeValueBasis
{
    /// <summary>The price of the goods alone, without freight and insurance.</summary>
    Intrinsic,

    /// <summary>The customs value (freight and insurance included on a CIF basis).</summary>
    CustomsValue,
}
