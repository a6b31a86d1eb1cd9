using Hub.Contracts.Values;
using Hub.Payment.Domain.Escrows;

namespace Hub.Payment.Tests.Domain.Escrows;

public sealed class FeeSplitTests
{
    [Fact]
    public void Split_LeftoverMinorUnit_GoesToTheLargestRemainder()
    {
        var (supplier, fee) = FeeSplit.Split(new Money(1_000_001m, CurrencyCode.KRW), 250);

        supplier.ShouldBe(new Money(975_001m, CurrencyCode.KRW));  // 975,000.975 → remainder .975 wins the unit
        fee.ShouldBe(new Money(25_000m, CurrencyCode.KRW));        // 25,000.025
    }

    [Fact]
    public void Split_RandomAmountsAndFees_AlwaysAddUpExactly()
    {
        var random = new Random(4711);
        for (var i = 0; i < 2_000; i++)
        {
            var currency = i % 2 == 0 ? CurrencyCode.KRW : CurrencyCode.USD;
            var settled = Money.FromMinorUnits(random.NextInt64(1, 10_000_000_000), currency);
            var bps = random.Next(0, 2_001);

            var (supplier, fee) = FeeSplit.Split(settled, bps);

            (supplier + fee).ShouldBe(settled);
            supplier.IsRounded.ShouldBeTrue();
            fee.IsRounded.ShouldBeTrue();
            Math.Abs(fee.Amount - (settled.Amount * bps / 10_000m)).ShouldBeLessThan(Money.FromMinorUnits(1, currency).Amount);
        }
    }

    [Fact]
    public void Split_ZeroFee_PaysEverythingToTheSupplier()
    {
        var (supplier, fee) = FeeSplit.Split(new Money(100.00m, CurrencyCode.USD), 0);

        supplier.ShouldBe(new Money(100.00m, CurrencyCode.USD));
        fee.Amount.ShouldBe(0m);
    }
}
