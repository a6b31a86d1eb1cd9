using Hub.Contracts.Values;

namespace Hub.Payment.Domain.Payouts;

/// <summary>A payout another service asked for, unique by its reference.</summary>
internal sealed class Payout
{
    private Payout()
    {
    }

    public string Reference { get; private set; } = "";

    public string PayeeCompany { get; private set; } = "";

    public string Currency { get; private set; } = "";

    public decimal Amount { get; private set; }

    public Guid PostingId { get; private set; }

    public DateTime PaidAt { get; private set; }

    public Money Paid => new(Amount, CurrencyCode.Parse(Currency));

    public static Payout Make(string reference, CompanyId payee, Money amount, Guid postingId, DateTime now) => new()
    {
        Reference = reference,
        PayeeCompany = payee.ToString(),
        Currency = amount.Currency.Code,
        Amount = amount.Amount,
        PostingId = postingId,
        PaidAt = now,
    };
}
