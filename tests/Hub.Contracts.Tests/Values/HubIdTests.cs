using Hub.Contracts.Values;

namespace Hub.Contracts.Tests.Values;

public sealed class HubIdTests
{
    [Fact]
    public void Parse_HubCountry_EqualsWellKnownHub()
    {
        HubId.Parse("KR").ShouldBe(HubId.KR);
        HubId.Parse("cn").ShouldBe(HubId.CN);
        HubId.Parse("MY").ShouldBe(HubId.MY);
    }

    [Fact]
    public void Country_OfKoreanHub_IsKR()
    {
        HubId.KR.Country.ShouldBe(CountryCode.KR);
        HubId.KR.ToString().ShouldBe("KR");
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("KOR")]
    [InlineData("")]
    public void Parse_NotACountry_ThrowsFormatException(string value)
    {
        Should.Throw<FormatException>(() => HubId.Parse(value)).Message.ShouldContain($"'{value}'");
        HubId.TryParse(value, out var hub).ShouldBeFalse();
        hub.ShouldBe(default);
    }

    [Fact]
    public void Constructor_DefaultCountry_Throws()
    {
        Should.Throw<ArgumentException>(() => new HubId(default));
    }
}
