namespace Hub.Customs.Domain.Declarations;

/// <summary>A goods item of a declaration and the taxes assessed on it.</summary>
internal sealed class GoodsItem
{
    private GoodsItem()
    {
    }

    public GoodsItem(int sequence, string description, string hsCode, string origin, decimal quantity, string unit, decimal? netMassKg, decimal? grossMassKg,
        decimal value, string? preferenceClaim, string? certificateRef, IReadOnlyList<TaxLine> taxes)
    {
        Sequence = sequence;
        Description = description;
        HsCode = hsCode;
        HsEdition = Contracts.Values.HsCode.CurrentEdition;
        Origin = origin;
        Quantity = quantity;
        Unit = unit;
        NetMassKg = netMassKg;
        GrossMassKg = grossMassKg;
        Value = value;
        PreferenceClaim = preferenceClaim;
        CertificateRef = certificateRef;
        Taxes = [.. taxes];
    }

    public int Sequence { get; private set; }

    public string Description { get; private set; } = "";

    public string HsCode { get; private set; } = "";

    /// <summary>The HS edition the code belongs to, so it survives the next edition's renumbering.</summary>
    public string HsEdition { get; private set; } = "";

    public string Origin { get; private set; } = "";

    public decimal Quantity { get; private set; }

    public string Unit { get; private set; } = "";

    public decimal? NetMassKg { get; private set; }

    public decimal? GrossMassKg { get; private set; }

    /// <summary>Invoice value in the declaration's invoice currency.</summary>
    public decimal Value { get; private set; }

    public string? PreferenceClaim { get; private set; }

    public string? CertificateRef { get; private set; }

    public List<TaxLine> Taxes { get; private set; } = [];
}
