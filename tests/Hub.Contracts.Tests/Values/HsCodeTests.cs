using Hub.Contracts.Values;

namespace Hub.Contracts.Tests.Values;

public sealed class HsCodeTests
{
    [Theory]
    [InlineData("330499", "330499")]
    [InlineData("3304.99", "330499")]
    [InlineData(" 3304 99 ", "330499")]
    [InlineData("3304.99.1000", "3304991000")]
    [InlineData("3304991000", "3304991000")]
    [InlineData("33049910", "33049910")]
    [InlineData("3304.99.1000.001", "3304991000001")]
    public void Parse_AcceptedNotation_ReturnsCanonicalDigits(string input, string canonical)
    {
        var code = HsCode.Parse(input);

        code.ToString().ShouldBe(canonical);
        code.Subheading.ShouldBe("330499");
        code.Heading.ShouldBe("3304");
        code.Chapter.ShouldBe("33");
        code.Edition.ShouldBe("HS2022");
    }

    [Fact]
    public void NationalLine_OfSubheadingOnly_IsNull()
    {
        HsCode.Parse("330499").NationalLine.ShouldBeNull();
    }

    [Fact]
    public void NationalLine_OfKoreanHsk_IsFullTenDigits()
    {
        HsCode.Parse("3304.99.1000").NationalLine.ShouldBe("3304991000");
    }

    [Fact]
    public void Parse_CanonicalText_RoundTrips()
    {
        var code = HsCode.Parse("8517.13.0000");

        HsCode.Parse(code.ToString()).ShouldBe(code);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("330400")]
    [InlineData("330450")]
    [InlineData("770000")]
    [InlineData("3304501000")]
    public void Parse_SubheadingNotInHs2022_ThrowsNamingSubheading(string input)
    {
        var exception = Should.Throw<FormatException>(() => HsCode.Parse(input));

        exception.Message.ShouldContain(input[..6]);
        exception.Message.ShouldContain("HS2022");
        HsCode.TryParse(input, out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("")]
    [InlineData("3304")]
    [InlineData("33049")]
    [InlineData("3304991")]
    [InlineData("33049910000001")]
    [InlineData("3304-99")]
    [InlineData("33O499")]
    public void Parse_WrongShape_ThrowsFormatExceptionNamingValue(string input)
    {
        Should.Throw<FormatException>(() => HsCode.Parse(input)).Message.ShouldContain($"'{input}'");
    }

    [Fact]
    public void Create_NationalLineStartingWithParent_ReturnsLine()
    {
        var code = HsCode.Create("330499", "3304991000");

        code.Subheading.ShouldBe("330499");
        code.NationalLine.ShouldBe("3304991000");
    }

    [Fact]
    public void Create_NationalLineOfAnotherSubheading_Throws()
    {
        var exception = Should.Throw<FormatException>(() => HsCode.Create("330499", "3305101000"));

        exception.Message.ShouldContain("3305101000");
        exception.Message.ShouldContain("330499");
    }

    [Fact]
    public void Create_WithoutNationalLine_ReturnsSubheading()
    {
        HsCode.Create("3304.99", null).ShouldBe(HsCode.Parse("330499"));
    }

    [Fact]
    public void Create_ParentLongerThanSixDigits_Throws()
    {
        Should.Throw<FormatException>(() => HsCode.Create("3304991000", "3304991000"));
    }

    [Fact]
    public void Subheading_OfDefault_ThrowsInvalidOperation()
    {
        Should.Throw<InvalidOperationException>(() => default(HsCode).Subheading);
    }
}
