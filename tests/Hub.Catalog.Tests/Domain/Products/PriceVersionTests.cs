using Hub.Catalog.Domain.Products;
using Hub.Contracts.Values;

namespace Hub.Catalog.Tests.Domain.Products;

public sealed class PriceVersionTests
{
    private static PriceVersion Tiers() => PriceVersion.Create("KR-P-000001", 1, CurrencyCode.CNY,
        [new PriceTier(100, 4.50m), new PriceTier(10, 5.00m), new PriceTier(1000, 4.00m)], DateTime.UtcNow);

    [Theory]
    [InlineData(10, 5.00)]
    [InlineData(99, 5.00)]
    [InlineData(100, 4.50)]
    [InlineData(999, 4.50)]
    [InlineData(1000, 4.00)]
    [InlineData(50_000, 4.00)]
    public void UnitPriceFor_Quantity_TakesHighestBreakNotAboveIt(int quantity, decimal expected) =>
        Tiers().UnitPriceFor(quantity).ShouldBe(new Money(expected, CurrencyCode.CNY));

    [Fact]
    public void UnitPriceFor_BelowFirstBreak_TakesFirstTier() =>
        Tiers().UnitPriceFor(3).Amount.ShouldBe(5.00m);

    [Fact]
    public void UnitPriceFor_ZeroQuantity_Throws() =>
        Should.Throw<ArgumentOutOfRangeException>(() => Tiers().UnitPriceFor(0));

    [Theory]
    [InlineData(1_000, 1_000_000_000_000_000)]
    [InlineData(1_001, null)]
    [InlineData(int.MaxValue, null)]
    public void LineTotalFor_AtMostTheMostALineMayComeTo(int quantity, long? expectedMinor)
    {
        var dear = PriceVersion.Create("KR-P-000001", 1, CurrencyCode.KRW, [new PriceTier(1, 1_000_000_000_000m)], DateTime.UtcNow);

        long? minor = dear.LineTotalFor(quantity)?.ToMinorUnits();

        minor.ShouldBe(expectedMinor);
    }

    [Fact]
    public void LineTotalFor_UnitPriceTimesQuantity() => Tiers().LineTotalFor(150)!.Value.ShouldBe(new Money(675.00m, CurrencyCode.CNY));

    [Fact]
    public void ListUnitPrice_IsThePriceAtTheLowestBreak() => Tiers().ListUnitPrice.ShouldBe(5.00m);

    [Fact]
    public void Create_PriceWithMoreDecimalsThanCurrency_Throws() =>
        Should.Throw<ArgumentException>(() => PriceVersion.Create("KR-P-000001", 1, CurrencyCode.KRW, [new PriceTier(1, 1200.5m)], DateTime.UtcNow));

    [Fact]
    public void Create_DuplicateBreaks_Throws() =>
        Should.Throw<ArgumentException>(() => PriceVersion.Create("KR-P-000001", 1, CurrencyCode.KRW, [new PriceTier(5, 100m), new PriceTier(5, 90m)], DateTime.UtcNow));

    [Fact]
    public void HasSameTiers_ComparesBreaksAndPricesInAnyOrder()
    {
        var prices = Tiers();
        prices.HasSameTiers([new PriceTier(1000, 4.00m), new PriceTier(10, 5.00m), new PriceTier(100, 4.50m)]).ShouldBeTrue();
        prices.HasSameTiers([new PriceTier(10, 5.00m), new PriceTier(100, 4.40m), new PriceTier(1000, 4.00m)]).ShouldBeFalse();
    }
}
