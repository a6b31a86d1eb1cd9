using Hub.Contracts.Values;
using Hub.Payment.Domain.Fx;

namespace Hub.Payment.Tests.Domain.Fx;

public sealed class QuotedRateTests
{
    private static readonly QuotedRate UsdKrw = QuotedRate.Of(CurrencyCode.USD, CurrencyCode.KRW, 1349.50m, 1350.50m);

    [Fact]
    public void Mid_DomainVector_IsAverageOfBidAndAsk() => UsdKrw.Mid.ShouldBe(1350.00m);

    [Fact]
    public void Invert_DomainVector_SwapsSidesRoundedTowardTheMid()
    {
        var krwUsd = UsdKrw.Invert();

        krwUsd.Base.ShouldBe(CurrencyCode.KRW);
        krwUsd.Quote.ShouldBe(CurrencyCode.USD);
        krwUsd.Bid.ShouldBe(0.00074047m);
        krwUsd.Ask.ShouldBe(0.00074101m);
    }

    [Fact]
    public void Invert_NeverWidensTheSpread()
    {
        var inverse = UsdKrw.Invert();

        inverse.Bid.ShouldBeGreaterThanOrEqualTo(1m / UsdKrw.Ask);
        inverse.Ask.ShouldBeLessThanOrEqualTo(1m / UsdKrw.Bid);
    }

    [Theory]
    [InlineData("KRW", 1349.99, 1350.01, 0.00074073, 0.00074075)]
    [InlineData("VND", 25400, 25405, 0.00003936, 0.00003938)]
    public void Invert_SidesCloserThanTheScale_RoundsAwayFromTheMid(string currency, decimal bid, decimal ask, decimal inverseBid, decimal inverseAsk)
    {
        var inverse = QuotedRate.Of(CurrencyCode.USD, CurrencyCode.Parse(currency), bid, ask).Invert();

        (inverse.Bid, inverse.Ask).ShouldBe((inverseBid, inverseAsk));
        inverse.Bid.ShouldBeLessThan(inverse.Ask);
        inverse.Bid.ShouldBeLessThanOrEqualTo(1m / ask);
        inverse.Ask.ShouldBeGreaterThanOrEqualTo(1m / bid);
        (inverse.Ask - inverse.Bid).ShouldBeLessThanOrEqualTo(0.00000002m);  // one step of the scale out on each side at most
    }

    [Fact]
    public void Invert_BelowTheRateScale_IsRefused() =>
        Should.Throw<ArgumentException>(() => QuotedRate.Of(CurrencyCode.USD, CurrencyCode.KRW, 200_000_000m, 300_000_000m).Invert());

    [Fact]
    public void Cross_ThroughUsd_MultipliesExactLegsAndRoundsOnce()
    {
        var usdCny = QuotedRate.Of(CurrencyCode.USD, CurrencyCode.CNY, 7.1180m, 7.1220m);

        var cnyKrw = QuotedRate.Cross(CurrencyCode.CNY, CurrencyCode.KRW, usdCny.ExactFrom(CurrencyCode.CNY), UsdKrw.ExactFrom(CurrencyCode.USD));

        cnyKrw.Bid.ShouldBe(189.48329122m);  // 1,349.50 / 7.1220 rounded up
        cnyKrw.Ask.ShouldBe(189.73026130m);  // 1,350.50 / 7.1180 rounded down
    }

    [Theory]
    [InlineData(1350.50, 1349.50)]
    [InlineData(1350, 1350)]
    [InlineData(0, 1)]
    [InlineData(-1, 1)]
    [InlineData(1.000000001, 2)]
    public void Of_InvalidSides_IsRefused(decimal bid, decimal ask) =>
        Should.Throw<ArgumentException>(() => QuotedRate.Of(CurrencyCode.USD, CurrencyCode.KRW, bid, ask));

    [Fact]
    public void Of_SameCurrencyOnBothSides_IsRefused() =>
        Should.Throw<ArgumentException>(() => QuotedRate.Of(CurrencyCode.USD, CurrencyCode.USD, 1m, 1.1m));
}
