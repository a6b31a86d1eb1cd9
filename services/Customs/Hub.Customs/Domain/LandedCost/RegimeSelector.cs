using Hub.Contracts.Values;
using Hub.Customs.Domain.Reference;

namespace Hub.Customs.Domain.LandedCost;

/// <summary>
/// Picks the low-value regime a consignment is measured against (origin-specific before any-origin, newest version;
/// none if a line's chapter is excluded) and decides whether it stays within the regime's limits.
/// </summary>
internal static class RegimeSelector
{
    public static RegimeChoice Choose(LandedCostRequest request, CustomsReference reference, Money consignmentValue, decimal invoiceFx)
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
        var regimeFx = LandedCostCalculator.FxRate(reference, request.Destination, regimeCurrency, request.Date, "invoiceCurrency");
        var inHubCurrency = regime.ValueBasis == RegimeValueBasis.Intrinsic
            ? IntrinsicValue(request) * invoiceFx
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

    // The price of the goods alone: an invoice under a term whose price pays the carriage (CFR, CIF, CPT, CIP, DAP,
    // DPU, DDP) or the insurance includes the freight and insurance stated with it, which are taken out again.
    private static decimal IntrinsicValue(LandedCostRequest request)
    {
        var term = request.Incoterm;
        var included = (term.IncludesFreight() ? request.Freight : 0m) + (term.IncludesInsurance() ? request.Insurance : 0m);
        var intrinsic = request.Lines.Sum(l => l.Value) - included;
        return intrinsic >= 0m
            ? intrinsic
            : throw new CustomsRuleException("freight", $"Under {term.ToString().ToUpperInvariant()} the invoice includes freight and insurance; those stated exceed the invoice value.");
    }
}
