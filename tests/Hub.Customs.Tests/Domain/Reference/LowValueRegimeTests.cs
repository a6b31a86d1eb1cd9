using Hub.Contracts.Values;
using Hub.Customs.Domain;
using Hub.Customs.Domain.Reference;
using static Hub.Customs.Tests.Domain.Given;

namespace Hub.Customs.Tests.Domain.Reference;

public sealed class LowValueRegimeTests
{
    [Theory]
    [InlineData("010121", true)]
    [InlineData("310210", true)]
    [InlineData("330499", true)]
    [InlineData("320890", false)]
    [InlineData("851671", false)]
    public void Excludes_ChaptersOneToThirtyOneAndThirtyThree(string hs, bool excluded) =>
        KrListUs.Excludes(HsCode.Parse(hs)).ShouldBe(excluded);

    [Theory]
    [InlineData("1-31")]
    [InlineData("31-01")]
    [InlineData("00")]
    [InlineData("ab")]
    public void Create_MalformedChapterRanges_NamesTheField(string ranges) =>
        Should.Throw<CustomsRuleException>(() => LowValueRegime.Create(HubId.KR, "X", "X", RegimeKind.DeMinimis, TradeChannel.ECommerce, null, ranges,
            CurrencyCode.USD, RegimeValueBasis.Intrinsic, 150m, null, false, 0m, 0m, Always)).Field.ShouldBe("excludedChapters");

    [Fact]
    public void Create_NonPositiveLimit_NamesTheField() =>
        Should.Throw<CustomsRuleException>(() => LowValueRegime.Create(HubId.KR, "X", "X", RegimeKind.DeMinimis, TradeChannel.ECommerce, null, "",
            CurrencyCode.USD, RegimeValueBasis.Intrinsic, 0m, null, false, 0m, 0m, Always)).Field.ShouldBe("transactionLimit");
}
