namespace Hub.Customs.Domain.Declarations;

/// <summary>One tax on one goods item: type (DUTY, CT, VAT), base, rate as text (8 %, KRW 1000 per KGM) and amount.</summary>
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
