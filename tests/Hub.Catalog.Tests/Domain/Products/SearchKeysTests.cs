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
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(ProductLimits.TitleLength + 1 + ProductLimits.DescriptionLength)]
    public void For_DistinctCharactersOnly_StaysWithinMaxLength(int length)
    {
        // Every character and every pair new: the most keys a text of this length can have.
        var text = new string([.. Enumerable.Range(0, length).Select(i => (char)(0xAC00 + i))]);

        var keys = SearchKeys.For(text);

        keys.Length.ShouldBeLessThanOrEqualTo(SearchKeys.MaxLengthFor(length));
        keys.Length.ShouldBeGreaterThan(SearchKeys.MaxLengthFor(length) - 5);
    }

    [Theory]
    [InlineData("耳机", "耳机")]
    [InlineData("蓝牙耳机", "蓝牙 牙耳 耳机")]
    [InlineData("耳", "耳")]
    [InlineData("이어폰 case", "이어 어폰 case")]
    [InlineData("wireless earbuds", "wireless earbuds")]
    public void Query_RewritesCjkRunsIntoBigrams(string query, string expected) =>
        string.Join(' ', SearchKeys.Query(query).Split(' ', StringSplitOptions.RemoveEmptyEntries)).ShouldBe(expected);
}
