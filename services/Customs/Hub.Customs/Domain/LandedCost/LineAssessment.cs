using Hub.Contracts.Values;

namespace Hub.Customs.Domain.LandedCost;

/// <summary>
/// The duty and taxes of one goods line, all in the destination hub's currency and rounded. Each tax is its base times
/// its effective rate (the tariff's rate times the regime's factor), rounded: duty on <see cref="DutyBase"/> (the
/// customs value, or the quantity for a specific duty) at <see cref="EffectiveDutyRate"/>; consumption tax and VAT on
/// <see cref="TaxablePrice"/> at <see cref="EffectiveConsumptionTaxRate"/> and <see cref="EffectiveVatRate"/>.
/// </summary>
internal sealed record LineAssessment(
    int Index,
    HsCode Code,
    string TariffPrefix,
    Money CustomsValue,
    string DutyBasis,
    bool PreferenceApplied,
    string? PreferenceNote,
    Money Duty,
    decimal ConsumptionTaxRate,
    Money ConsumptionTax,
    decimal VatRate,
    Money Vat,
    decimal DutyBase,
    string EffectiveDutyRate,
    Money TaxablePrice,
    decimal EffectiveConsumptionTaxRate,
    decimal EffectiveVatRate)
{
    public Money Total => Duty + ConsumptionTax + Vat;
}
