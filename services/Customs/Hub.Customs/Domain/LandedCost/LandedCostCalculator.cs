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

        var regime = RegimeSelector.Choose(request, reference, consignmentValue, fx);
        var lines = request.Lines
            .Select((line, i) => LineAssessor.Assess(i, line, tariffs[i], lineValues[i], regime, request, reference.Preferences, rounding))
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

}
