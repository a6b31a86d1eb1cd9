using Hub.Contracts.Values;

namespace Hub.Customs.Domain.LandedCost;

/// <summary>What importing a consignment costs at the border: per line and in total, with the rules used.</summary>
internal sealed record LandedCost(
    CurrencyCode Currency,
    decimal FxRate,
    RegimeChoice Regime,
    IReadOnlyList<LineAssessment> Lines,
    MoneyRounding Rounding,
    string RoundingRule)
{
    public Money CustomsValue => Sum(l => l.CustomsValue);

    public Money Duty => Sum(l => l.Duty);

    public Money ConsumptionTax => Sum(l => l.ConsumptionTax);

    public Money Vat => Sum(l => l.Vat);

    public Money Total => Duty + ConsumptionTax + Vat;

    private Money Sum(Func<LineAssessment, Money> pick) => Lines.Aggregate(Money.Zero(Currency), (sum, l) => sum + pick(l));
}
