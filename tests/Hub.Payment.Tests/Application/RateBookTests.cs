using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.Payment.Domain.Fx;

namespace Hub.Payment.Tests.Application;

public sealed class RateBookTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static readonly FxRate[] Published =
    [
        FxRate.Publish(QuotedRate.Of(CurrencyCode.USD, CurrencyCode.KRW, 1349.50m, 1350.50m), "test", Now, Now),
        FxRate.Publish(QuotedRate.Of(CurrencyCode.USD, CurrencyCode.CNY, 7.1180m, 7.1220m), "test", Now, Now),
        FxRate.Publish(QuotedRate.Of(CurrencyCode.EUR, CurrencyCode.USD, 1.0840m, 1.0850m), "test", Now, Now),
    ];

    [Fact]
    public void Resolve_PublishedPair_IsReturnedAsIs() =>
        RateBook.Resolve(Published, CurrencyCode.USD, CurrencyCode.KRW).ShouldBe(Published[0].Rate);

    [Fact]
    public void Resolve_InverseOfAPublishedPair_IsInverted()
    {
        var rate = RateBook.Resolve(Published, CurrencyCode.KRW, CurrencyCode.USD)!;

        (rate.Bid, rate.Ask).ShouldBe((0.00074047m, 0.00074101m));
    }

    [Fact]
    public void Resolve_NoDirectPair_CrossesThroughUsd()
    {
        var cnyKrw = RateBook.Resolve(Published, CurrencyCode.CNY, CurrencyCode.KRW)!;
        var eurKrw = RateBook.Resolve(Published, CurrencyCode.EUR, CurrencyCode.KRW)!;

        (cnyKrw.Bid, cnyKrw.Ask).ShouldBe((189.48329122m, 189.73026130m));
        (eurKrw.Bid, eurKrw.Ask).ShouldBe((1462.858m, 1465.2925m));  // 1.0840 × 1,349.50 / 1.0850 × 1,350.50
    }

    [Fact]
    public void Resolve_BothDirectionsPublished_TheNewerPublicationPricesEveryRoute()
    {
        var olderKrwUsd = FxRate.Publish(QuotedRate.Of(CurrencyCode.KRW, CurrencyCode.USD, 0.00070000m, 0.00070100m), "test", Now.AddHours(-1), Now);
        var newerUsdKrw = FxRate.Publish(QuotedRate.Of(CurrencyCode.USD, CurrencyCode.KRW, 1349.50m, 1350.50m), "test", Now, Now);
        var usdCny = Published[1];

        RateBook.Resolve([olderKrwUsd, newerUsdKrw, usdCny], CurrencyCode.KRW, CurrencyCode.USD).ShouldBe(newerUsdKrw.Rate.Invert());
        RateBook.Resolve([olderKrwUsd, newerUsdKrw, usdCny], CurrencyCode.USD, CurrencyCode.KRW).ShouldBe(newerUsdKrw.Rate);
        RateBook.Resolve([olderKrwUsd, newerUsdKrw, usdCny], CurrencyCode.CNY, CurrencyCode.KRW)
            .ShouldBe(RateBook.Resolve([newerUsdKrw, usdCny], CurrencyCode.CNY, CurrencyCode.KRW));
    }

    [Fact]
    public void Resolve_AskedDirectionOlderThanItsInverse_IsTheInverseOfTheNewer()
    {
        var olderUsdKrw = FxRate.Publish(QuotedRate.Of(CurrencyCode.USD, CurrencyCode.KRW, 1300.00m, 1301.00m), "test", Now.AddHours(-1), Now);
        var newerKrwUsd = FxRate.Publish(QuotedRate.Of(CurrencyCode.KRW, CurrencyCode.USD, 0.00074047m, 0.00074101m), "test", Now, Now);

        RateBook.Resolve([olderUsdKrw, newerKrwUsd], CurrencyCode.USD, CurrencyCode.KRW).ShouldBe(newerKrwUsd.Rate.Invert());
        RateBook.Publication([olderUsdKrw, newerKrwUsd], CurrencyCode.USD, CurrencyCode.KRW).ShouldBe(newerKrwUsd);
    }

    [Fact]
    public void Resolve_NoRoute_IsNull()
    {
        RateBook.Resolve(Published, CurrencyCode.MYR, CurrencyCode.KRW).ShouldBeNull();
        RateBook.Resolve(Published, CurrencyCode.KRW, CurrencyCode.KRW).ShouldBeNull();
    }
}
