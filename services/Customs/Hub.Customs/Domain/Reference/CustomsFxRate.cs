using Hub.Contracts.Values;

namespace Hub.Customs.Domain.Reference;

/// <summary>
/// The customs authority's own (weekly) exchange rate: the price of one unit of <see cref="Currency"/> in the hub's
/// currency. Distinct from the rates Payment quotes to buyers.
/// </summary>
internal sealed class CustomsFxRate : DatedVersion<CustomsFxRate>
{
    private CustomsFxRate()
    {
    }

    public string Hub { get; private set; } = "";

    public string Currency { get; private set; } = "";

    public decimal Rate { get; private set; }

    public static CustomsFxRate Create(HubId hub, CurrencyCode currency, decimal rate, Validity validity, int version = 1)
    {
        if (rate <= 0m)
        {
            throw new CustomsRuleException("rate", "An exchange rate must be positive.");
        }

        StoredNumber.FxRate.Ensure("rate", rate);

        return new CustomsFxRate
        {
            Id = Guid.CreateVersion7(),
            Hub = hub.ToString(),
            Currency = currency.Code,
            Rate = rate,
            ValidFrom = validity.From,
            ValidTo = validity.To,
            Version = version,
        };
    }
}
