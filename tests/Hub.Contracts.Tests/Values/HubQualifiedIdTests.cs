using Hub.Contracts.Values;

namespace Hub.Contracts.Tests.Values;

public sealed class HubQualifiedIdTests
{
    [Fact]
    public void Parse_CanonicalId_ExposesParts()
    {
        var id = HubQualifiedId.Parse("KR-P-000123");

        id.Hub.ShouldBe(HubId.KR);
        id.Kind.ShouldBe("P");
        id.Number.ShouldBe(123);
        id.ToString().ShouldBe("KR-P-000123");
    }

    [Theory]
    [InlineData("CN", "O", 1, "CN-O-000001")]
    [InlineData("MY", "INV", 999_999, "MY-INV-999999")]
    [InlineData("KR", "S", 1_234_567, "KR-S-1234567")]
    public void ToString_PadsToSixDigitsAndRoundTrips(string hub, string kind, long number, string expected)
    {
        var id = new HubQualifiedId(HubId.Parse(hub), kind, number);

        id.ToString().ShouldBe(expected);
        HubQualifiedId.Parse(expected).ShouldBe(id);
    }

    [Theory]
    [InlineData("KR-X")]
    [InlineData("KR-P")]
    [InlineData("KR-P-123")]
    [InlineData("kr-P-000123")]
    [InlineData("KR-p-000123")]
    [InlineData("XX-P-000123")]
    [InlineData("KR-P-0000123")]
    [InlineData("KR-P-000000")]
    [InlineData("KR-P-00012a")]
    [InlineData("KR-P-+00123")]
    [InlineData("KR-PROD-000123")]
    [InlineData("KR--000123")]
    [InlineData("KR-P-000123-1")]
    [InlineData("KR-P-99999999999999999999")]
    [InlineData("")]
    public void Parse_NonCanonical_ThrowsFormatExceptionNamingValue(string value)
    {
        Should.Throw<FormatException>(() => HubQualifiedId.Parse(value)).Message.ShouldContain($"'{value}'");
        HubQualifiedId.TryParse(value, out _).ShouldBeFalse();
    }

    [Fact]
    public void Constructor_InvalidParts_Throw()
    {
        Should.Throw<ArgumentException>(() => new HubQualifiedId(default, "P", 1));
        Should.Throw<ArgumentException>(() => new HubQualifiedId(HubId.KR, "p", 1));
        Should.Throw<ArgumentException>(() => new HubQualifiedId(HubId.KR, "", 1));
        Should.Throw<ArgumentOutOfRangeException>(() => new HubQualifiedId(HubId.KR, "P", 0));
    }
}
