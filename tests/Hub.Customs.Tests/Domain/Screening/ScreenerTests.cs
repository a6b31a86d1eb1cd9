using Hub.Customs.Domain.Screening;

namespace Hub.Customs.Tests.Domain.Screening;

public sealed class ScreenerTests
{
    private static readonly DeniedParty[] List =
    [
        DeniedParty.List("Hanbit Precision Trading Co., Ltd.", ["주식회사 한빛정밀무역"], "KR", "test", 1),
        DeniedParty.List("深圳黑石电子有限公司", ["Shenzhen Heishi Electronics Co., Ltd."], "CN", "test", 1),
    ];

    [Theory]
    [InlineData("HANBIT PRECISION TRADING LIMITED")]
    [InlineData("Hanbit Precison Trading Co")]
    [InlineData("한빛정밀무역 주식회사")]
    [InlineData("深圳黑石电子股份有限公司")]
    [InlineData("Shenzhen Heishi Electronic Co Ltd")]
    public void Screen_VariantOfAListedName_IsAHit(string name)
    {
        var result = Screener.Screen(["Innocent Importer Ltd", name], List, 7, 0.88);

        result.IsHit.ShouldBeTrue();
        result.Party.ShouldBe(name);
        result.ListVersion.ShouldBe(7);
        result.Score.ShouldBeGreaterThanOrEqualTo(0.88);
    }

    [Theory]
    [InlineData("Seoul Green Foods Co., Ltd.")]
    [InlineData("한결식품 주식회사")]
    [InlineData("杭州绿茶有限公司")]
    public void Screen_UnrelatedName_IsNoHitButTheScoreIsRecorded(string name)
    {
        var result = Screener.Screen([name], List, 7, 0.88);

        result.IsHit.ShouldBeFalse();
        result.Score.ShouldBeLessThan(0.88);
        result.ListVersion.ShouldBe(7);
    }
}
