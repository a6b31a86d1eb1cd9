namespace Hub.Customs.Domain.Declarations;

/// <summary>
/// One tax on one goods item: type (DUTY, CT, VAT), base, effective rate as text (8 %, 0.091, KRW 1000 per KGM: the
/// tariff's rate times the regime's factor) and amount, which is base × rate rounded by the declaration's rounding rule.
/// </summary>
internal sealed class TaxLine
{
    private TaxLine()
    {
    }

    public TaxLine(string type, decimal taxBase, string rate, decimal amount)
    {
        Type = type;
        Base = taxBase;
        Rate = rate;
        Amount = amount;
    }

    public string Type { get; private set; } = "";

    public decimal Base { get; private set; }

    public string Rate { get; private set; } = "";

    public decimal Amount { get; private set; }
}
