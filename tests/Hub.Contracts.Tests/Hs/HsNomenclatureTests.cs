using Hub.Contracts.Hs;

namespace Hub.Contracts.Tests.Hs;

public sealed class HsNomenclatureTests
{
    private static readonly HsNomenclature Hs2022 = HsNomenclature.Hs2022;

    [Fact]
    public void IsValidSubheading_Cosmetics330499_IsTrue()
    {
        Hs2022.IsValidSubheading("330499").ShouldBeTrue();
        Hs2022.Edition.ShouldBe("HS2022");
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("330400")]
    [InlineData("3304")]
    [InlineData("33")]
    [InlineData("3304991000")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValidSubheading_NotASubheading_IsFalse(string? code)
    {
        Hs2022.IsValidSubheading(code).ShouldBeFalse();
    }

    [Fact]
    public void IsChapterAndIsHeading_DistinguishLevels()
    {
        Hs2022.IsChapter("33").ShouldBeTrue();
        Hs2022.IsChapter("3304").ShouldBeFalse();
        Hs2022.IsChapter("77").ShouldBeFalse();
        Hs2022.IsChapter("99").ShouldBeFalse();
        Hs2022.IsHeading("3304").ShouldBeTrue();
        Hs2022.IsHeading("33").ShouldBeFalse();
        Hs2022.IsHeading("9999").ShouldBeFalse();
    }

    [Fact]
    public void Describe_QuotedDescriptionWithCommas_IsUnquoted()
    {
        Hs2022.Describe("0101").ShouldBe("Horses, asses, mules and hinnies; live");
        Hs2022.Describe("3304")!.ShouldStartWith("Cosmetic and toilet preparations; beauty, make-up and skin care");
        Hs2022.Describe("330410").ShouldBe("Cosmetic and toilet preparations; lip make-up");
        Hs2022.Describe("01").ShouldBe("Animals; live");
    }

    [Fact]
    public void Describe_UnknownCode_ReturnsNull()
    {
        Hs2022.Describe("330400").ShouldBeNull();
        Hs2022.Describe("TOTAL").ShouldBeNull();
    }

    [Fact]
    public void Hs2022_FromManyThreads_IsOneInstance()
    {
        var instances = Enumerable.Range(0, 16).AsParallel().Select(_ => HsNomenclature.Hs2022).Distinct().ToArray();

        instances.Length.ShouldBe(1);
    }

    [Fact]
    public void IsChapter_Chapters01To99_Accepts96WithoutReserved77OrStatistical99()
    {
        var chapters = Enumerable.Range(1, 99).Select(n => n.ToString("D2", System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        chapters.Count(Hs2022.IsChapter).ShouldBe(96);
    }

    [Fact]
    public void Load_DoubledQuotesCommasAndLineBreaks_AreUnescaped()
    {
        const string csv =
            "section,hscode,description,parent,level\r\n" +
            "I,01,\"Animals; \"\"live\"\", breathing\",TOTAL,2\r\n" +
            "I,0101,\"Horses,\nasses\",01,4\r\n" +
            "I,010121,Horses; pure-bred,0101,6";

        var nomenclature = HsNomenclature.Load(new StringReader(csv), "TEST");

        nomenclature.Describe("01").ShouldBe("Animals; \"live\", breathing");
        nomenclature.Describe("0101").ShouldBe("Horses,\nasses");
        nomenclature.IsValidSubheading("010121").ShouldBeTrue();
        nomenclature.Edition.ShouldBe("TEST");
    }

    [Theory]
    [InlineData("hscode,description\n01,Animals")]
    [InlineData("section,hscode,description,parent,level\nI,01,Animals,TOTAL,4")]
    [InlineData("section,hscode,description,parent,level\nI,0A,Animals,TOTAL,2")]
    [InlineData("section,hscode,description,parent,level\nI,01,\"Animals,TOTAL,2")]
    [InlineData("section,hscode,description,parent,level\nI,01,Animals,TOTAL,2\nI,01,Again,TOTAL,2")]
    public void Load_MalformedCsv_ThrowsFormatException(string csv)
    {
        Should.Throw<FormatException>(() => HsNomenclature.Load(new StringReader(csv), "TEST"));
    }
}
