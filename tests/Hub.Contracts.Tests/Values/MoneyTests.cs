using Hub.Contracts.Values;

namespace Hub.Contracts.Tests.Values;

public sealed class MoneyTests
{
    private static Money Usd(decimal amount) => new(amount, CurrencyCode.USD);

    [Theory]
    [InlineData(MoneyRounding.HalfEven, 2.12)]
    [InlineData(MoneyRounding.HalfUp, 2.13)]
    [InlineData(MoneyRounding.Down, 2.12)]
    [InlineData(MoneyRounding.Up, 2.13)]
    public void Round_MidpointUsd2125_FollowsMode(MoneyRounding mode, double expected)
    {
        Usd(2.125m).Round(mode).Amount.ShouldBe((decimal)expected);
    }

    [Theory]
    [InlineData(MoneyRounding.HalfEven, 2.135, 2.14)]
    [InlineData(MoneyRounding.HalfUp, -2.125, -2.13)]
    [InlineData(MoneyRounding.HalfEven, -2.125, -2.12)]
    [InlineData(MoneyRounding.Down, 2.129, 2.12)]
    [InlineData(MoneyRounding.Down, -2.129, -2.12)]
    [InlineData(MoneyRounding.Up, 2.121, 2.13)]
    [InlineData(MoneyRounding.Up, -2.121, -2.13)]
    [InlineData(MoneyRounding.Up, 2.12, 2.12)]
    public void Round_NonMidpointAndNegative_IsSymmetricAroundZero(MoneyRounding mode, double amount, double expected)
    {
        Usd((decimal)amount).Round(mode).Amount.ShouldBe((decimal)expected);
    }

    [Fact]
    public void Round_Krw_RoundsToWholeWon()
    {
        new Money(117_180.5m, CurrencyCode.KRW).Round(MoneyRounding.HalfUp).Amount.ShouldBe(117_181m);
        new Money(117_180.5m, CurrencyCode.KRW).Round(MoneyRounding.HalfEven).Amount.ShouldBe(117_180m);
    }

    [Fact]
    public void Round_Bhd_KeepsThreeDecimals()
    {
        var rounded = new Money(1.23456m, CurrencyCode.Parse("BHD")).Round(MoneyRounding.HalfUp);

        rounded.Amount.ShouldBe(1.235m);
        rounded.Amount.Scale.ShouldBe((byte)3);
    }

    [Fact]
    public void Round_WholeUsd_PadsToTwoDecimals()
    {
        Usd(1085m).Round(MoneyRounding.HalfUp).Amount.Scale.ShouldBe((byte)2);
    }

    [Fact]
    public void Multiply_ByFactor_DoesNotRound()
    {
        var product = Usd(10.01m) * 0.125m;

        product.Amount.ShouldBe(1.25125m);
        product.IsRounded.ShouldBeFalse();
        product.Round(MoneyRounding.HalfUp).IsRounded.ShouldBeTrue();
    }

    [Fact]
    public void Add_SameCurrency_SumsAmounts()
    {
        (Usd(1000m) + Usd(80m) + Usd(5m)).ShouldBe(Usd(1085m));
        (Usd(10m) - Usd(12.5m)).ShouldBe(Usd(-2.5m));
    }

    [Fact]
    public void Add_MixedCurrencies_ThrowsCurrencyMismatch()
    {
        var exception = Should.Throw<CurrencyMismatchException>(() => Usd(1m) + new Money(1m, CurrencyCode.KRW));

        exception.Message.ShouldContain("USD");
        exception.Message.ShouldContain("KRW");
        exception.Left.ShouldBe(CurrencyCode.USD);
        exception.Right.ShouldBe(CurrencyCode.KRW);
    }

    [Fact]
    public void SubtractAndCompare_MixedCurrencies_Throw()
    {
        var eur = new Money(1m, CurrencyCode.EUR);

        Should.Throw<CurrencyMismatchException>(() => Usd(1m) - eur);
        Should.Throw<CurrencyMismatchException>(() => Usd(1m) < eur);
        Should.Throw<CurrencyMismatchException>(() => Usd(1m).CompareTo(eur));
    }

    [Fact]
    public void Equals_MixedCurrencies_IsFalseWithoutThrowing()
    {
        (Usd(1m) == new Money(1m, CurrencyCode.EUR)).ShouldBeFalse();
        (Usd(1.0m) == Usd(1.00m)).ShouldBeTrue();
    }

    [Fact]
    public void Compare_SameCurrency_OrdersByAmount()
    {
        (Usd(1m) < Usd(2m)).ShouldBeTrue();
        (Usd(2m) >= Usd(2.00m)).ShouldBeTrue();
        (Usd(3m) <= Usd(2m)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("KRW", 1_464_750, 1_464_750)]
    [InlineData("USD", 12.34, 1_234)]
    [InlineData("BHD", 1.235, 1_235)]
    [InlineData("CLF", 0.0001, 1)]
    [InlineData("USD", -0.05, -5)]
    public void ToMinorUnits_RoundedAmount_RoundTrips(string currency, double amount, long minorUnits)
    {
        var money = new Money((decimal)amount, CurrencyCode.Parse(currency));

        money.ToMinorUnits().ShouldBe(minorUnits);
        Money.FromMinorUnits(minorUnits, money.Currency).ShouldBe(money);
    }

    [Fact]
    public void ToMinorUnits_UnroundedAmount_Throws()
    {
        var exception = Should.Throw<InvalidOperationException>(() => Usd(2.125m).ToMinorUnits());

        exception.Message.ShouldContain("2.125");
    }

    [Fact]
    public void FromMinorUnits_Usd_HasCurrencyScale()
    {
        var money = Money.FromMinorUnits(108_500, CurrencyCode.USD);

        money.Amount.ShouldBe(1085m);
        money.Amount.Scale.ShouldBe((byte)2);
    }

    [Fact]
    public void Zero_IsRoundedZeroInCurrency()
    {
        var zero = Money.Zero(CurrencyCode.MYR);

        zero.Amount.ShouldBe(0m);
        zero.Currency.ShouldBe(CurrencyCode.MYR);
        (zero + new Money(1.5m, CurrencyCode.MYR)).Amount.ShouldBe(1.5m);
    }

    [Fact]
    public void ConvertTo_CustomsRate_ChangesCurrencyWithoutRounding()
    {
        var krw = Usd(10.01m).ConvertTo(CurrencyCode.KRW, 1_349.5m);

        krw.ShouldBe(new Money(13_508.495m, CurrencyCode.KRW));
        Should.Throw<ArgumentOutOfRangeException>(() => Usd(1m).ConvertTo(CurrencyCode.KRW, 0m));
    }

    [Fact]
    public void Constructor_DefaultCurrency_Throws()
    {
        Should.Throw<ArgumentException>(() => new Money(1m, default));
    }

    [Theory]
    [InlineData(1085, "USD", "USD 1,085.00")]
    [InlineData(-0.5, "USD", "USD -0.50")]
    [InlineData(1464750, "KRW", "KRW 1,464,750")]
    [InlineData(2.125, "USD", "USD 2.125")]
    [InlineData(1.2, "BHD", "BHD 1.200")]
    public void ToString_IsInvariantCodeThenAmount(double amount, string currency, string expected)
    {
        new Money((decimal)amount, CurrencyCode.Parse(currency)).ToString().ShouldBe(expected);
    }
}
