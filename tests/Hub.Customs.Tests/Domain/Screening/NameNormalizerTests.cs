using Hub.Customs.Domain.Screening;

namespace Hub.Customs.Tests.Domain.Screening;

public sealed class NameNormalizerTests
{
    [Theory]
    [InlineData("Hanbit Precision Trading Co., Ltd.", "hanbit precision trading")]
    [InlineData("  HANBIT   precision-trading CO LTD ", "hanbit precision trading")]
    [InlineData("주식회사 한빛정밀무역", "한빛정밀무역")]
    [InlineData("(주)한빛정밀무역", "한빛정밀무역")]
    [InlineData("深圳黑石电子有限公司", "深圳黑石电子")]
    [InlineData("ＡＣＭＥ　Ｌｔｄ．", "acme")]
    [InlineData("Orion Star Shipping Sdn. Bhd.", "orion star shipping")]
    public void Normalize_FoldsCaseWidthPunctuationAndLegalForms(string name, string expected) =>
        NameNormalizer.Normalize(name).ShouldBe(expected);
}
