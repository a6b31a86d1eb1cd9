using Hub.Catalog.Endpoints;

namespace Hub.Catalog.Tests.Endpoints;

public sealed class SearchCursorTests
{
    [Fact]
    public void Encode_ThenDecode_RoundTrips()
    {
        var cursor = new SearchCursor("price_asc", 12_345.67m, 42);
        SearchCursor.TryDecode(cursor.Encode(), out var decoded).ShouldBeTrue();
        decoded.ShouldBe(cursor);
    }

    [Theory]
    [InlineData("not a cursor")]
    [InlineData("eyJmb28iOjF9x")]
    public void TryDecode_Garbage_Fails(string value) => SearchCursor.TryDecode(value, out _).ShouldBeFalse();
}
