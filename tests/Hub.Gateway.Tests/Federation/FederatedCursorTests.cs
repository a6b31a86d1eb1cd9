using System.Buffers.Text;
using System.Text;
using Hub.Gateway.Federation;

namespace Hub.Gateway.Tests.Federation;

public sealed class FederatedCursorTests
{
    [Fact]
    public void Encoded_DecodesToEveryHubsPosition_AnUnnamedHubFromItsStart()
    {
        var written = new FederatedCursor(new Dictionary<string, HubPosition>
        {
            ["KR"] = new("kr-cursor", 3, "KR-P-000007"),
            ["CN"] = HubPosition.End,
        });

        FederatedCursor.TryDecode(written.Encode(), out var read).ShouldBeTrue();

        read!.PositionOf("kr").ShouldBe(new HubPosition("kr-cursor", 3, "KR-P-000007"));
        read.PositionOf("CN").ShouldBe(HubPosition.End);
        read.PositionOf("MY").ShouldBe(HubPosition.Start);
    }

    [Theory]
    [InlineData("""{"KR":{"Skip":-1}}""")]
    [InlineData("""{"KR":{"Done":true,"Cursor":"kr-cursor"}}""")]
    [InlineData("""{"KR":{"Done":true,"Skip":2}}""")]
    [InlineData("""{"KR":{"Done":true,"Last":"KR-P-000007"}}""")]
    [InlineData("""{"KR":null}""")]
    [InlineData("""["KR"]""")]
    [InlineData("null")]
    [InlineData("""{"KR":{"skip":2}}""")]
    public void PositionNoSearchReaches_IsNotACursor(string json)
    {
        FederatedCursor.TryDecode(Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json)), out var read).ShouldBeFalse();

        read.ShouldBeNull();
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("a3I")]
    public void TextThatIsNotBase64UrlJson_IsNotACursor(string value)
    {
        FederatedCursor.TryDecode(value, out var read).ShouldBeFalse();

        read.ShouldBeNull();
    }
}
