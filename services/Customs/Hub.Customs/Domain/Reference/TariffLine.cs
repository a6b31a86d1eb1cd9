using Hub.Contracts.Values;

namespace Hub.Customs.Domain.Reference;

/// <summary>
/// One version of a destination hub's tariff for an HS prefix (chapter, heading, subheading or national line):
/// the duty, the consumption tax and the import VAT that apply to goods classified under it.
/// </summary>
internal sealed class TariffLine : DatedVersion<TariffLine>
{
    private TariffLine()
    {
    }

    /// <summary>The longest unit code kept.</summary>
    public const int MaxUnitLength = 8;

    public string Hub { get; private set; } = "";

    /// <summary>Digits only, 2 to 13; the longest prefix of a declared code that has a line in force wins.</summary>
    public string Prefix { get; private set; } = "";

    public string Description { get; private set; } = "";

    public DutyKind DutyKind { get; private set; }

    /// <summary>Fraction, e.g. 0.08 for 8 %; for <see cref="DutyKind.AdValorem"/>.</summary>
    public decimal DutyRate { get; private set; }

    /// <summary>Amount in the hub's currency per <see cref="SpecificUnit"/>; for <see cref="DutyKind.Specific"/>.</summary>
    public decimal? SpecificAmount { get; private set; }

    /// <summary>UN/ECE Rec. 20 unit code, e.g. KGM, NAR, LTR.</summary>
    public string? SpecificUnit { get; private set; }

    public decimal VatRate { get; private set; }

    public decimal ConsumptionTaxRate { get; private set; }

    public static TariffLine AdValorem(HubId hub, string prefix, string description, decimal dutyRate, decimal vatRate, decimal consumptionTaxRate, Validity validity, int version = 1) =>
        Create(hub, prefix, description, DutyKind.AdValorem, dutyRate, null, null, vatRate, consumptionTaxRate, validity, version);

    public static TariffLine Specific(HubId hub, string prefix, string description, decimal amountPerUnit, string unit, decimal vatRate, decimal consumptionTaxRate, Validity validity, int version = 1) =>
        Create(hub, prefix, description, DutyKind.Specific, 0m, amountPerUnit, unit, vatRate, consumptionTaxRate, validity, version);

    public static TariffLine Create(HubId hub, string prefix, string description, DutyKind kind, decimal dutyRate, decimal? specificAmount, string? specificUnit,
        decimal vatRate, decimal consumptionTaxRate, Validity validity, int version)
    {
        if (prefix is not { Length: >= 2 and <= 13 } || !prefix.All(char.IsAsciiDigit))
        {
            throw new CustomsRuleException("prefix", $"'{prefix}' is not an HS prefix: 2 to 13 digits.");
        }

        Rates.EnsureFraction("dutyRate", dutyRate);
        Rates.EnsureFraction("vatRate", vatRate);
        Rates.EnsureFraction("consumptionTaxRate", consumptionTaxRate);
        if (consumptionTaxRate >= 1m)
        {
            throw new CustomsRuleException("consumptionTaxRate", "A consumption tax rate must be below 100 %.");
        }

        if (kind == DutyKind.Specific && (specificAmount is not > 0m || string.IsNullOrWhiteSpace(specificUnit)))
        {
            throw new CustomsRuleException("specificAmount", "A specific duty needs a positive amount per unit and the unit.");
        }

        var unit = kind == DutyKind.Specific ? StoredText.Ensure("specificUnit", specificUnit!.Trim().ToUpperInvariant(), MaxUnitLength) : null;
        var amount = kind == DutyKind.Specific ? StoredNumber.Amount.Ensure("specificAmount", specificAmount!.Value) : (decimal?)null;

        return new TariffLine
        {
            Id = Guid.CreateVersion7(),
            Hub = hub.ToString(),
            Prefix = prefix,
            Description = description,
            DutyKind = kind,
            DutyRate = kind == DutyKind.AdValorem ? dutyRate : 0m,
            SpecificAmount = amount,
            SpecificUnit = unit,
            VatRate = vatRate,
            ConsumptionTaxRate = consumptionTaxRate,
            ValidFrom = validity.From,
            ValidTo = validity.To,
            Version = version,
        };
    }
}
