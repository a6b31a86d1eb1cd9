using Hub.Contracts.Values;

namespace Hub.Customs.Domain.LandedCost;

/// <summary>The duty and taxes of one goods line, all in the destination hub's currency and rounded.</summary>
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
    Money Vat)
{
    public Money Total => Duty + ConsumptionTax + Vat;
}
