using System.Globalization;
using Hub.Contracts.Values;
using Hub.Customs.Domain.Reference;

namespace Hub.Customs.Domain.LandedCost;

/// <summary>
/// Duty (ad valorem, at the FTA rate when a valid certificate supports it, or specific per unit), then consumption tax
/// and VAT on the composite taxable price (CV + duty) / (1 − CT rate) = CV + duty + CT, rounded once: CT = price × CT
/// rate, VAT = price × VAT rate. Each is scaled by the regime's factors and rounded, so every tax is its base times
/// its effective rate, rounded.
/// </summary>
internal static class LineAssessor
{
    public static LineAssessment Assess(int index, GoodsLine line, TariffLine tariff, Money customsValue, RegimeChoice regime,
        LandedCostRequest request, IReadOnlyList<PreferentialRate> preferences, MoneyRounding rounding)
    {
        var currency = customsValue.Currency;
        Money fullDuty;
        string basis;
        decimal dutyBase;
        string effectiveDutyRate;
        var preferenceApplied = false;
        string? note = null;
        if (tariff.DutyKind == DutyKind.Specific)
        {
            if (!string.Equals(line.Unit?.Trim(), tariff.SpecificUnit, StringComparison.OrdinalIgnoreCase))
            {
                throw new CustomsRuleException($"lines[{index}].unit", $"Tariff line {tariff.Prefix} charges per {tariff.SpecificUnit}; give the quantity in {tariff.SpecificUnit}, not '{line.Unit}'.");
            }

            fullDuty = new Money(tariff.SpecificAmount!.Value * line.Quantity, currency);
            basis = string.Create(CultureInfo.InvariantCulture, $"{currency} {tariff.SpecificAmount} per {tariff.SpecificUnit}");
            dutyBase = line.Quantity;
            effectiveDutyRate = string.Create(CultureInfo.InvariantCulture, $"{currency} {Fraction(tariff.SpecificAmount.Value * regime.DutyFactor)} per {tariff.SpecificUnit}");
        }
        else
        {
            var rate = tariff.DutyRate;
            var preference = PreferentialRate.Find(preferences, request.Destination, line.Origin, line.Code, request.Date);
            if (preference is not null)
            {
                note = line.Certificate is null
                    ? $"{preference.Agreement} rate {Percent(preference.Rate)} not applied: no certificate of origin"
                    : line.Certificate.Agreement != preference.Agreement
                        ? $"{preference.Agreement} rate {Percent(preference.Rate)} not applied: the certificate is for {line.Certificate.Agreement}"
                        : line.Certificate.Defect(line.Code, line.Origin, request.Date) is { } defect
                            ? $"{preference.Agreement} rate {Percent(preference.Rate)} not applied: {defect}"
                            : null;
                if (note is null && preference.Rate < rate)
                {
                    rate = preference.Rate;
                    preferenceApplied = true;
                    note = $"{preference.Agreement} preferential rate {Percent(rate)} ({request.Date.Year}) on certificate {line.Certificate!.Number}";
                }
            }

            fullDuty = customsValue * rate;
            basis = Percent(rate);
            dutyBase = customsValue.Amount;
            effectiveDutyRate = string.Create(CultureInfo.InvariantCulture, $"{Fraction(rate * regime.DutyFactor * 100m)} %");
        }

        var duty = (fullDuty * regime.DutyFactor).Round(rounding);
        var ctRate = tariff.ConsumptionTaxRate;
        var taxablePrice = ((customsValue + duty) / (1m - ctRate)).Round(rounding);
        var ctEffective = ctRate * regime.TaxFactor;
        var vatEffective = tariff.VatRate * regime.TaxFactor;
        var consumptionTax = (taxablePrice * ctEffective).Round(rounding);
        var vat = (taxablePrice * vatEffective).Round(rounding);
        return new LineAssessment(index, line.Code, tariff.Prefix, customsValue, basis, preferenceApplied, note,
            duty, ctRate, consumptionTax, tariff.VatRate, vat, dutyBase, effectiveDutyRate, taxablePrice, ctEffective, vatEffective);
    }

    private static string Percent(decimal rate) => string.Create(CultureInfo.InvariantCulture, $"{rate * 100m:0.###} %");

    /// <summary>A rate or amount in full, without trailing zeros (0.091, 1.3).</summary>
    /// <param name="value">The number to write.</param>
    public static string Fraction(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
