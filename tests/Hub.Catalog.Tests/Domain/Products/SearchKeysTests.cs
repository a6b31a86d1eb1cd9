using Hub.Catalog.Domain.Products;

namespace Hub.Catalog.Tests.Domain.Products;

public sealed class SearchKeysTests
{
    [Fact]
    public void For_CjkRun_IndexesEveryCharacterAndAdjacentPair() =>
        SearchKeys.For("蓝牙耳机 Bluetooth").Split(' ').ShouldBe(["蓝", "蓝牙", "牙", "牙耳", "耳", "耳机", "机"], ignoreOrder: true);

    [Fact]
    public void For_LatinText_AddsNothing() => SearchKeys.For("Fon kepala tanpa wayar 5.3").ShouldBeEmpty();

    [Fact]
    public void For_Hangul_IsTreatedLikeHan() =>
        SearchKeys.For("무선이어폰").Split(' ').ShouldContain("이어");

    [Theory]
    [InlineData("耳机", "耳机")]
    [InlineData("蓝牙耳机", "蓝牙 牙耳 耳机")]
    [InlineData("耳", "耳")]
    [InlineData("이어폰 case", "이어 어폰 case")]
    [InlineData("wireless earbuds", "wireless earbuds")]
    public void Query_RewritesCjkRunsIntoBigrams(string query, string expected) =>
        string.Join(' ', SearchKeys.Query(query).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ShouldBe(expected);
}
