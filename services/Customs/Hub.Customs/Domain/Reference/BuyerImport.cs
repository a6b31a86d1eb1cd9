using Hub.Contracts.Values;

namespace Hub.Customs.Domain.Reference;

/// <summary>
/// One import a buyer made under a low-value regime: the accumulator that same-day aggregation (KR) and the annual
/// limit (CN) sum over. One entry per order, so declaring again does not count twice; it goes when the declaration is
/// withdrawn or rejected, since those goods are not imported.
/// </summary>
internal sealed class BuyerImport
{
    private BuyerImport()
    {
    }

    public Guid Id { get; private set; }

    public string Hub { get; private set; } = "";

    public string Buyer { get; private set; } = "";

    public string OrderId { get; private set; } = "";

    public string RegimeCode { get; private set; } = "";

    public DateOnly Date { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "";

    /// <summary>False when the import was measured against the regime but exceeded it (it still counts for the day).</summary>
    public bool Applied { get; private set; }

    public static BuyerImport Record(HubId hub, string buyer, string orderId, string regimeCode, bool applied, DateOnly date, Money amount) => new()
    {
        Applied = applied,
        Id = Guid.CreateVersion7(),
        Hub = hub.ToString(),
        Buyer = buyer,
        OrderId = orderId,
        RegimeCode = regimeCode,
        Date = date,
        Amount = StoredNumber.Amount.Fits(amount.Amount)
            ? amount.Amount
            : throw new CustomsRuleException("lines", $"The value {amount} measured against regime {regimeCode} is more than customs can record."),
        Currency = amount.Currency.Code,
    };
}
