using Hub.Contracts.Values;
using Hub.Payment.Domain.Fx;

namespace Hub.Payment.Tests.Domain.Fx;

public sealed class QuoteCalculationTests
{
    private static readonly QuotedRate UsdKrw = QuotedRate.Of(CurrencyCode.USD, CurrencyCode.KRW, 1349.50m, 1350.50m);

    [Fact]
    public void For_Margin50Bps_TakesMarginOffTheBidAndRoundsThePayAmountUp()
    {
        var quote = QuoteCalculation.For(CurrencyCode.USD, new Money(1_350_000m, CurrencyCode.KRW), UsdKrw, marginBps: 50);

        quote.MarketRate.ShouldBe(1349.50m);
        quote.Rate.ShouldBe(1342.7525m);              // 1,349.50 × 0.995
        quote.Pay.ShouldBe(new Money(1005.40m, CurrencyCode.USD));  // 1,350,000 / 1,342.7525 = 1,005.3975… up
    }

    [Fact]
    public void For_RateLessMarginBelowTheRateScale_IsRefused()
    {
        var idr = CurrencyCode.Parse("IDR");
        var tiny = QuotedRate.Of(idr, CurrencyCode.USD, 0.00000001m, 0.00000002m);

        Should.Throw<ArgumentException>(() => QuoteCalculation.For(idr, new Money(1m, CurrencyCode.USD), tiny, marginBps: 50)).ParamName.ShouldBe("market");
    }

    [Fact]
    public void For_PayAmountAtTheRate_NeverLeavesTheSupplierShort()
    {
        foreach (var settlement in new[] { 1m, 999m, 1_350_000m, 7_777_777m })
        {
            var quote = QuoteCalculation.For(CurrencyCode.USD, new Money(settlement, CurrencyCode.KRW), UsdKrw, marginBps: 75);

            (quote.Pay.Amount * quote.Rate).ShouldBeGreaterThanOrEqualTo(settlement);
            quote.Pay.IsRounded.ShouldBeTrue();
        }
    }

    [Fact]
    public void For_ZeroMargin_UsesTheMarketBid()
    {
        var quote = QuoteCalculation.For(CurrencyCode.USD, new Money(1_349_500m, CurrencyCode.KRW), UsdKrw, marginBps: 0);

        quote.Rate.ShouldBe(1349.50m);
        quote.Pay.ShouldBe(new Money(1000m, CurrencyCode.USD));
    }

    [Fact]
    public void For_SameCurrency_PaysTheSettlementWithoutMargin()
    {
        var quote = QuoteCalculation.For(CurrencyCode.KRW, new Money(5_000m, CurrencyCode.KRW), market: null, marginBps: 50);

        quote.Rate.ShouldBe(1m);
        quote.MarginBps.ShouldBe(0);
        quote.Pay.ShouldBe(new Money(5_000m, CurrencyCode.KRW));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(0.5)]
    public void For_SettlementNotPositiveOrUnrounded_IsRefused(decimal krw) =>
        Should.Throw<ArgumentException>(() => QuoteCalculation.For(CurrencyCode.USD, new Money(krw, CurrencyCode.KRW), UsdKrw, 50));

    [Fact]
    public void For_RateOfAnotherPair_IsRefused() =>
        Should.Throw<ArgumentException>(() => QuoteCalculation.For(CurrencyCode.CNY, new Money(5_000m, CurrencyCode.KRW), UsdKrw, 50));
}
