using Hub.Contracts.Values;

namespace Hub.Customs.Domain.Reference;

/// <summary>How one hub's customs authority values goods and rounds the taxes it assesses.</summary>
internal sealed class CustomsAuthority
{
    private CustomsAuthority()
    {
    }

    public CustomsAuthority(HubId hub, CurrencyCode currency, ValuationBasis basis, MoneyRounding rounding)
    {
        Hub = hub.ToString();
        Currency = currency.Code;
        Basis = basis;
        Rounding = rounding;
    }

    public string Hub { get; private set; } = "";

    public string Currency { get; private set; } = "";

    public ValuationBasis Basis { get; private set; }

    public MoneyRounding Rounding { get; private set; }

    public CurrencyCode CurrencyCode => CurrencyCode.Parse(Currency);
}
