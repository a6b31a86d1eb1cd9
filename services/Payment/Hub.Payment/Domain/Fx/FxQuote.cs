using Hub.Contracts.Payment;
using Hub.Contracts.Values;

namespace Hub.Payment.Domain.Fx;

/// <summary>
/// A rate locked for one buyer: what the buyer pays in its currency for the supplier to receive the settlement amount.
/// Used at most once, and only before it expires.
/// </summary>
internal sealed class FxQuote
{
    private FxQuote()
    {
    }

    public Guid Id { get; private set; }

    public string BuyerCompany { get; private set; } = "";

    public string PayCurrency { get; private set; } = "";

    public decimal PayAmount { get; private set; }

    public string SettlementCurrency { get; private set; } = "";

    public decimal SettlementAmount { get; private set; }

    /// <summary>Settlement units per pay unit, margin included (1 when no conversion).</summary>
    public decimal Rate { get; private set; }

    /// <summary>The market bid before the margin.</summary>
    public decimal MarketRate { get; private set; }

    public int MarginBps { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public string? UsedByOrder { get; private set; }

    public DateTime? UsedAt { get; private set; }

    public Money Pay => new(PayAmount, CurrencyCode.Parse(PayCurrency));

    public Money Settlement => new(SettlementAmount, CurrencyCode.Parse(SettlementCurrency));

    public static FxQuote Lock(CompanyId buyer, QuoteCalculation calculation, DateTime now, TimeSpan lockFor)
    {
        ArgumentNullException.ThrowIfNull(calculation);
        return new FxQuote
        {
            Id = Guid.CreateVersion7(),
            BuyerCompany = buyer.ToString(),
            PayCurrency = calculation.Pay.Currency.Code,
            PayAmount = calculation.Pay.Amount,
            SettlementCurrency = calculation.Settlement.Currency.Code,
            SettlementAmount = calculation.Settlement.Amount,
            Rate = calculation.Rate,
            MarketRate = calculation.MarketRate,
            MarginBps = calculation.MarginBps,
            CreatedAt = now,
            ExpiresAt = now + lockFor,
        };
    }

    /// <summary>True when <paramref name="order"/> already used this quote (a replay).</summary>
    public bool WasUsedBy(OrderId order) => UsedByOrder == order.ToString();

    /// <summary>Consumes the quote for an order paying <paramref name="amount"/>.</summary>
    /// <exception cref="PaymentException">Another buyer's quote, amount mismatch, expired, or used by another order.</exception>
    public void Use(OrderId order, CompanyId buyer, Money amount, DateTime now)
    {
        if (BuyerCompany != buyer.ToString())
        {
            throw new PaymentException(PaymentErrorKind.Forbidden, "quote-foreign", $"Quote {Id} was issued to another company.", "quoteId", PaymentFailureReason.QuoteForeign);
        }

        if (amount != Pay)
        {
            throw new PaymentException(PaymentErrorKind.Invalid, "amount-mismatch", $"The amount {amount} differs from quote {Id}'s {Pay}.", "amount", PaymentFailureReason.AmountMismatch);
        }

        if (UsedByOrder is not null)
        {
            throw new PaymentException(PaymentErrorKind.Refused, "quote-used", $"Quote {Id} was already used for order {UsedByOrder}.", "quoteId", PaymentFailureReason.QuoteUsed);
        }

        if (now >= ExpiresAt)
        {
            throw new PaymentException(PaymentErrorKind.Refused, "quote-expired", $"Quote {Id} expired at {ExpiresAt:O}.", "quoteId", PaymentFailureReason.QuoteExpired);
        }

        UsedByOrder = order.ToString();
        UsedAt = now;
    }
}
