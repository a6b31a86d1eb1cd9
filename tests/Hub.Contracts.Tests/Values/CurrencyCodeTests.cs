using Hub.Contracts.Values;

namespace Hub.Contracts.Tests.Values;

public sealed class CurrencyCodeTests
{
    [Theory]
    [InlineData("KRW", 0)]
    [InlineData("JPY", 0)]
    [InlineData("VND", 0)]
    [InlineData("CLP", 0)]
    [InlineData("ISK", 0)]
    [InlineData("PYG", 0)]
    [InlineData("UGX", 0)]
    [InlineData("XAF", 0)]
    [InlineData("XOF", 0)]
    [InlineData("BHD", 3)]
    [InlineData("KWD", 3)]
    [InlineData("OMR", 3)]
    [InlineData("JOD", 3)]
    [InlineData("TND", 3)]
    [InlineData("IQD", 3)]
    [InlineData("LYD", 3)]
    [InlineData("CLF", 4)]
    [InlineData("CNY", 2)]
    [InlineData("MYR", 2)]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("GBP", 2)]
    [InlineData("HKD", 2)]
    [InlineData("SGD", 2)]
    [InlineData("THB", 2)]
    [InlineData("IDR", 2)]
    [InlineData("PHP", 2)]
    [InlineData("INR", 2)]
    [InlineData("AUD", 2)]
    [InlineData("CAD", 2)]
    [InlineData("CHF", 2)]
    [InlineData("NZD", 2)]
    [InlineData("TWD", 2)]
    [InlineData("AED", 2)]
    [InlineData("SAR", 2)]
    public void Parse_KnownCode_HasIsoMinorUnits(string code, int minorUnits)
    {
        var currency = CurrencyCode.Parse(code);

        currency.Code.ShouldBe(code);
        currency.MinorUnits.ShouldBe(minorUnits);
    }

    [Fact]
    public void Parse_LowerCase_IsNormalisedToUpperCase()
    {
        var currency = CurrencyCode.Parse("krw");

        currency.ShouldBe(CurrencyCode.KRW);
        currency.ToString().ShouldBe("KRW");
    }

    [Theory]
    [InlineData("")]
    [InlineData("US")]
    [InlineData("USDX")]
    [InlineData("ABC")]
    [InlineData("XAU")]
    [InlineData("XTS")]
    [InlineData(" USD")]
    public void Parse_UnknownCode_ThrowsFormatExceptionNamingValue(string code)
    {
        var exception = Should.Throw<FormatException>(() => CurrencyCode.Parse(code));

        exception.Message.ShouldContain($"'{code}'");
        CurrencyCode.TryParse(code, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        CurrencyCode.TryParse(null, out var currency).ShouldBeFalse();
        currency.ShouldBe(default);
    }

    [Fact]
    public void WellKnownInstances_EqualParsedCodes()
    {
        CurrencyCode.KRW.ShouldBe(CurrencyCode.Parse("KRW"));
        CurrencyCode.CNY.ShouldBe(CurrencyCode.Parse("CNY"));
        CurrencyCode.MYR.ShouldBe(CurrencyCode.Parse("MYR"));
        CurrencyCode.USD.ShouldBe(CurrencyCode.Parse("USD"));
        CurrencyCode.EUR.ShouldBe(CurrencyCode.Parse("EUR"));
        CurrencyCode.JPY.ShouldBe(CurrencyCode.Parse("JPY"));
        CurrencyCode.USD.ShouldNotBe(CurrencyCode.EUR);
    }

    [Fact]
    public void MinorUnits_OfDefault_ThrowsInvalidOperation()
    {
        Should.Throw<InvalidOperationException>(() => default(CurrencyCode).MinorUnits);
        default(CurrencyCode).ToString().ShouldBe(string.Empty);
    }
}
