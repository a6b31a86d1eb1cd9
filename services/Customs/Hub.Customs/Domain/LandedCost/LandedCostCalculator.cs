using System.Globalization;
using Hub.Contracts.Values;
using Hub.Customs.Domain.Reference;

namespace Hub.Customs.Domain.LandedCost;

/// <summary>
/// Values a consignment and assesses duty, consumption tax and import VAT at its destination hub. Pure: every rate,
/// threshold and FX rate comes from <see cref="CustomsReference"/>.
/// </summary>
/// <remarks>
/// Rounding, in the destination currency with the authority's mode: the consignment's customs value once, then split
/// over the lines by largest remainder (so the lines add up); then each tax of each line; totals are sums of lines.
/// </remarks>
internal static class LandedCostCalculator
{
    public static LandedCost Calculate(LandedCostRequest request, CustomsReference reference)
    {
        Validate(request);
        var authority = reference.Authority;
        var currency = authority.CurrencyCode;
        var rounding = authority.Rounding;
        var fx = FxRate(reference, request.Destination, request.InvoiceCurrency, request.Date, "invoiceCurrency");

        var tariffs = request.Lines.Select((line, i) => TariffSchedule.Find(reference.Tariff, request.Destination, line.Code, request.Date)
            ?? throw new MissingReferenceDataException($"lines[{i}].hsCode",
                $"Hub {request.Destination} has no tariff line in force on {request.Date:yyyy-MM-dd} for HS {line.Code}.")).ToList();

        var invoiceTotal = request.Lines.Sum(l => l.Value);
        var consignmentValue = new Money((invoiceTotal + ValuationAdjustment(request, authority.Basis)) * fx, currency).Round(rounding);
        if (consignmentValue.Amount < 0m)
        {
            throw new CustomsRuleException("freight", "Freight and insurance to deduct exceed the invoice value.");
        }

        var weights = invoiceTotal == 0m ? request.Lines.Select(_ => 1m).ToList() : request.Lines.Select(l => l.Value).ToList();
        var lineValues = consignmentValue.Allocate(weights);

        var regime = ChooseRegime(request, reference, consignmentValue, fx);
        var lines = request.Lines
            .Select((line, i) => Assess(i, line, tariffs[i], lineValues[i], regime, request, reference.Preferences, rounding))
            .ToList();

        var rule = string.Create(CultureInfo.InvariantCulture,
            $"{rounding} to {currency.MinorUnits} decimal(s) of {currency}: customs value once per consignment (split over lines by largest remainder), then each tax per line; totals are sums of the rounded lines.");
        return new LandedCost(currency, fx, regime, lines, rounding, rule);
    }

    private static void Validate(LandedCostRequest request)
    {
        if (request.Lines.Count == 0)
        {
            throw new CustomsRuleException("lines", "At least one goods line is required.");
        }

        if (request.Freight < 0m)
        {
            throw new CustomsRuleException("freight", "Freight cannot be negative.");
        }

        if (request.Insurance < 0m)
        {
            throw new CustomsRuleException("insurance", "Insurance cannot be negative.");
        }

        for (var i = 0; i < request.Lines.Count; i++)
        {
            var line = request.Lines[i];
            if (line.Value < 0m)
            {
                throw new CustomsRuleException($"lines[{i}].value", "A goods value cannot be negative.");
            }

            if (line.Quantity <= 0m)
            {
                throw new CustomsRuleException($"lines[{i}].quantity", "A quantity must be positive.");
            }
        }
    }

    // CIF adds what the seller's price does not already pay for; FOB removes what it does.
    private static decimal ValuationAdjustment(LandedCostRequest request, ValuationBasis basis)
    {
        var term = request.Incoterm;
        return basis switch
        {
            ValuationBasis.Cif => (term.IncludesFreight() ? 0m : request.Freight) + (term.IncludesInsurance() ? 0m : request.Insurance),
            ValuationBasis.Fob => -((term.IncludesFreight() ? request.Freight : 0m) + (term.IncludesInsurance() ? request.Insurance : 0m)),
            _ => throw new ArgumentOutOfRangeException(nameof(basis), basis, "Unknown valuation basis."),
        };
    }

    internal static decimal FxRate(CustomsReference reference, HubId hub, CurrencyCode currency, DateOnly date, string field)
    {
        if (currency == reference.Authority.CurrencyCode)
        {
            return 1m;
        }

        var hubText = hub.ToString();
        return reference.FxRates
            .Where(r => r.Hub == hubText && r.Currency == currency.Code && r.Validity.Covers(date))
            .OrderByDescending(r => r.ValidFrom).ThenByDescending(r => r.Version)
            .Select(r => (decimal?)r.Rate)
            .FirstOrDefault()
            ?? throw new MissingReferenceDataException(field, $"Hub {hub} has no customs exchange rate for {currency} on {date:yyyy-MM-dd}.");
    }

    private static RegimeChoice ChooseRegime(LandedCostRequest request, CustomsReference reference, Money consignmentValue, decimal invoiceFx)
    {
        if (request.Channel != TradeChannel.ECommerce)
        {
            return RegimeChoice.GeneralTrade("General trade channel: no low-value regime applies.");
        }

        var hubText = request.Destination.ToString();
        var origins = request.Lines.Select(l => l.Origin.Code).Distinct().ToList();
        var regime = reference.Regimes
            .Where(r => r.Hub == hubText && r.Channel == request.Channel && r.Validity.Covers(request.Date))
            .Where(r => r.Origin is null || (origins.Count == 1 && origins[0] == r.Origin))
            .Where(r => !request.Lines.Any(l => r.Excludes(l.Code)))
            .OrderByDescending(r => r.Origin is not null)
            .ThenByDescending(r => r.Version)
            .FirstOrDefault();
        if (regime is null)
        {
            return RegimeChoice.GeneralTrade("No low-value regime applies to this origin, goods and date.");
        }

        var regimeCurrency = CurrencyCode.Parse(regime.Currency);
        var regimeFx = FxRate(reference, request.Destination, regimeCurrency, request.Date, "invoiceCurrency");
        var inHubCurrency = regime.ValueBasis == RegimeValueBasis.Intrinsic
            ? request.Lines.Sum(l => l.Value) * invoiceFx
            : consignmentValue.Amount;
        var measured = new Money(inHubCurrency / regimeFx, regimeCurrency).Round(reference.Authority.Rounding);

        var history = request.Buyer is null
            ? []
            : reference.BuyerHistory.Where(b => b.Hub == hubText && b.Buyer == request.Buyer && b.Currency == regime.Currency).ToList();
        var limit = new Money(regime.TransactionLimit, regimeCurrency);
        if (regime.Kind == RegimeKind.DeMinimis)
        {
            var sameDay = regime.AggregateSameDay ? history.Where(b => b.Date == request.Date).Sum(b => b.Amount) : 0m;
            var total = measured + new Money(sameDay, regimeCurrency);
            return total <= limit
                ? new RegimeChoice(regime.Code, regime.Name, regime, true, measured, $"{total} is within {limit} (same-day total of the buyer included).")
                : RegimeChoice.GeneralTrade($"{total} exceeds {regime.Name} limit {limit}: the whole value is taxed.", regime, measured);
        }

        if (measured > limit)
        {
            return RegimeChoice.GeneralTrade($"{measured} exceeds the per-transaction limit {limit} of {regime.Name}.", regime, measured);
        }

        if (regime.AnnualLimit is { } annual)
        {
            var thisYear = new Money(history.Where(b => b.Applied && b.Date.Year == request.Date.Year).Sum(b => b.Amount), regimeCurrency);
            var annualLimit = new Money(annual, regimeCurrency);
            if (thisYear + measured > annualLimit)
            {
                return RegimeChoice.GeneralTrade($"The buyer's {request.Date.Year} total {thisYear} plus {measured} exceeds the annual limit {annualLimit} of {regime.Name}.", regime, measured);
            }
        }

        return new RegimeChoice(regime.Code, regime.Name, regime, true, measured, $"{measured} is within the limits of {regime.Name}.");
    }

    private static LineAssessment Assess(int index, GoodsLine line, TariffLine tariff, Money customsValue, RegimeChoice regime,
        LandedCostRequest request, IReadOnlyList<PreferentialRate> preferences, MoneyRounding rounding)
    {
        var currency = customsValue.Currency;
        Money fullDuty;
        string basis;
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
        }

        var duty = (fullDuty * regime.DutyFactor).Round(rounding);
        var ctRate = tariff.ConsumptionTaxRate;
        var fullConsumptionTax = (customsValue + duty) / (1m - ctRate) * ctRate;
        var consumptionTax = (fullConsumptionTax * regime.TaxFactor).Round(rounding);
        var vat = ((customsValue + duty + fullConsumptionTax.Round(rounding)) * tariff.VatRate * regime.TaxFactor).Round(rounding);
        return new LineAssessment(index, line.Code, tariff.Prefix, customsValue, basis, preferenceApplied, note,
            duty, ctRate, consumptionTax, tariff.VatRate, vat);
    }

    private static string Percent(decimal rate) => string.Create(CultureInfo.InvariantCulture, $"{rate * 100m:0.###} %");
}
