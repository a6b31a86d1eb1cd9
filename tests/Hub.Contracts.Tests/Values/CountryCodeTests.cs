using Hub.Contracts.Values;

namespace Hub.Contracts.Tests.Values;

public sealed class CountryCodeTests
{
    [Theory]
    [InlineData("KR")]
    [InlineData("CN")]
    [InlineData("MY")]
    [InlineData("BE")]
    [InlineData("RW")]
    [InlineData("ET")]
    [InlineData("GB")]
    [InlineData("SS")]
    [InlineData("AX")]
    public void Parse_AssignedCode_ReturnsIt(string code)
    {
        CountryCode.Parse(code).Code.ShouldBe(code);
    }

    [Fact]
    public void Parse_LowerCase_IsNormalisedToUpperCase()
    {
        var country = CountryCode.Parse("kr");

        country.ShouldBe(CountryCode.KR);
        country.ToString().ShouldBe("KR");
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("ZZ")]
    [InlineData("EU")]
    [InlineData("UK")]
    [InlineData("AN")]
    [InlineData("KOR")]
    [InlineData("K")]
    [InlineData("")]
    [InlineData("K1")]
    public void Parse_UnassignedOrMalformed_ThrowsFormatExceptionNamingValue(string code)
    {
        var exception = Should.Throw<FormatException>(() => CountryCode.Parse(code));

        exception.Message.ShouldContain($"'{code}'");
        CountryCode.TryParse(code, out _).ShouldBeFalse();
    }

    [Fact]
    public void TryParse_EveryTwoLetterCombination_Accepts249AssignedCodes()
    {
        var letters = Enumerable.Range('A', 26).Select(c => (char)c).ToArray();

        var accepted = letters.SelectMany(first => letters.Select(second => $"{first}{second}"))
            .Count(code => CountryCode.TryParse(code, out _));

        accepted.ShouldBe(249);
    }

    [Fact]
    public void TryParse_Null_ReturnsFalse()
    {
        CountryCode.TryParse(null, out _).ShouldBeFalse();
    }
}
