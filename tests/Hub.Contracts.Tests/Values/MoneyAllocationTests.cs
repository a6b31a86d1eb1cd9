using Hub.Contracts.Values;

namespace Hub.Contracts.Tests.Values;

public sealed class MoneyAllocationTests
{
    private static Money Usd(decimal amount) => new(amount, CurrencyCode.USD);

    private static decimal[] Amounts(IReadOnlyList<Money> parts) => parts.Select(p => p.Amount).ToArray();

    [Fact]
    public void Allocate_Usd100InThree_GivesExtraCentToFirst()
    {
        var parts = Usd(100.00m).Allocate(3);

        Amounts(parts).ShouldBe([33.34m, 33.33m, 33.33m]);
        parts.ShouldAllBe(p => p.Currency == CurrencyCode.USD);
    }

    [Fact]
    public void Allocate_NegativeAmount_IsMirrorOfPositive()
    {
        Amounts(Usd(-100.00m).Allocate(3)).ShouldBe([-33.34m, -33.33m, -33.33m]);
    }

    [Fact]
    public void Allocate_TwoLeftoverUnits_GoToEarliestTies()
    {
        Amounts(Usd(0.05m).Allocate(3)).ShouldBe([0.02m, 0.02m, 0.01m]);
    }

    [Fact]
    public void Allocate_Krw_SplitsWholeWon()
    {
        Amounts(new Money(275_373m, CurrencyCode.KRW).Allocate(2)).ShouldBe([137_687m, 137_686m]);
    }

    [Fact]
    public void Allocate_FreightByChargeableWeight_SumsExactlyAndFavoursLargestRemainder()
    {
        var freight = Usd(1_000.00m);

        var parts = freight.Allocate([12.5m, 40m, 7.5m]);

        // 208.333…, 666.666…, 125: the leftover cent goes to the largest remainder (.67), not to the first share.
        Amounts(parts).ShouldBe([208.33m, 666.67m, 125.00m]);
        parts.Aggregate((a, b) => a + b).ShouldBe(freight);
    }

    [Fact]
    public void Allocate_ZeroWeight_GetsNothing()
    {
        Amounts(Usd(10.00m).Allocate([0m, 1m, 2m])).ShouldBe([0m, 3.33m, 6.67m]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(13)]
    public void Allocate_AnyPartCount_SumsToOriginal(int parts)
    {
        var total = Usd(1_581_930.07m);

        total.Allocate(parts).Aggregate((a, b) => a + b).ShouldBe(total);
    }

    [Fact]
    public void Allocate_ExtremeWeightScales_SumsToOriginal()
    {
        var total = Usd(999_999.99m);

        var parts = total.Allocate([0.0000000000000000000000000001m, 79_228_162_514_264_337_593_543_950_335m, 1m / 3m]);

        parts.Aggregate((a, b) => a + b).ShouldBe(total);
    }

    [Fact]
    public void Allocate_NegativeWeight_ThrowsNamingIndex()
    {
        var exception = Should.Throw<ArgumentException>(() => Usd(1m).Allocate([1m, -2m]));

        exception.Message.ShouldContain("-2");
        exception.Message.ShouldContain("index 1");
    }

    [Fact]
    public void Allocate_AllWeightsZero_Throws()
    {
        Should.Throw<ArgumentException>(() => Usd(1m).Allocate([0m, 0m]));
    }

    [Fact]
    public void Allocate_NoWeights_Throws()
    {
        Should.Throw<ArgumentException>(() => Usd(1m).Allocate(Array.Empty<decimal>()));
    }

    [Fact]
    public void Allocate_ZeroParts_Throws()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Usd(1m).Allocate(0));
    }

    [Fact]
    public void Allocate_UnroundedAmount_Throws()
    {
        Should.Throw<InvalidOperationException>(() => Usd(100.005m).Allocate(2));
    }
}
