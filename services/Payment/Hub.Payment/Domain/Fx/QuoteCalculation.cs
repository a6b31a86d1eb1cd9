using Hub.Contracts.Values;

namespace Hub.Payment.Domain.Fx;

/// <summary>
/// The price of a settlement amount in the buyer's currency. The platform buys the buyer's currency at the market bid
/// less its margin (<c>rate = bid × (1 − margin/10,000)</c>, rounded down to the rate scale); the buyer pays
/// <c>settlement / rate</c> rounded up to the pay currency's minor unit, so the supplier is never short.
/// </summary>
internal sealed record QuoteCalculation(Money Pay, Money Settlement, decimal Rate, decimal MarketRate, int MarginBps)
{
    public const int BasisPoints = 10_000;

    /// <summary>Prices <c>settlement</c> in <c>pay</c> at <c>market</c> (PAY/SETTLEMENT; null when both currencies are the same: no conversion, no margin).</summary>
    /// <exception cref="ArgumentException">
    /// The settlement is not positive or not rounded, the rate's currencies do not match, or the rate less the margin is
    /// below the rate scale.
    /// </exception>
    /// <exception cref="PaymentException">The price in <c>pay</c> is beyond <see cref="MoneyBounds.MaxAmountMinorUnits"/>.</exception>
    public static QuoteCalculation For(CurrencyCode pay, Money settlement, QuotedRate? market, int marginBps)
    {
        if (settlement.Amount <= 0 || !settlement.IsRounded)
        {
            throw new ArgumentException($"The settlement amount must be positive and rounded to its minor unit ({settlement}).", nameof(settlement));
        }

        ArgumentOutOfRangeException.ThrowIfNegative(marginBps);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(marginBps, BasisPoints);
        if (market is null)
        {
            if (pay != settlement.Currency)
            {
                throw new ArgumentException($"Converting {pay} to {settlement.Currency} needs a rate.", nameof(market));
            }

            return new QuoteCalculation(settlement, settlement, 1m, 1m, 0);
        }

        if (market.Base != pay || market.Quote != settlement.Currency)
        {
            throw new ArgumentException($"Rate {market.Base}/{market.Quote} does not price {pay} in {settlement.Currency}.", nameof(market));
        }

        var rate = RateRounding.Down(market.Bid * (BasisPoints - marginBps) / BasisPoints);
        if (rate == 0)
        {
            throw new ArgumentException($"{market.Base}/{market.Quote} {market.Bid} less {marginBps} bps is below the smallest rate {RateRounding.Decimals} decimals carry.", nameof(market));
        }

        var payAmount = new Money(settlement.Amount / rate, pay).Round(MoneyRounding.Up);
        if (!MoneyBounds.IsWithinAmount(payAmount))
        {
            throw PaymentException.Invalid(nameof(settlement),
                $"{settlement} costs {payAmount} at {market.Base}/{market.Quote} {rate}, more than the largest amount the platform takes ({MoneyBounds.LargestAmount(pay)}).");
        }

        return new QuoteCalculation(payAmount, settlement, rate, market.Bid, marginBps);
    }
}
