using System.Text;
using Google.Protobuf.WellKnownTypes;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Problems;

namespace Hub.ServiceDefaults.Tests.Validation;

public sealed class NulTextTests
{
    [Theory]
    [InlineData("""{"namedPlace":"Busan\u0000port"}""", "namedPlace")]
    [InlineData("""{"lines":[{"productId":"KR-P-1"},{"productId":"KR-P-2","note":"a\u0000"}]}""", "lines[1].note")]
    [InlineData("""{"a":{"b":[[1,"x"],[2,"\u0000"]]}}""", "a.b[1][1]")]
    [InlineData("""{"ok":"yes","bad\u0000name":1}""", "bad\0name")]
    [InlineData("\"\\u0000\"", "body")]
    public void JsonFieldWithNul_NamesWhereItIs(string json, string field) =>
        NulCharacterGuard.JsonFieldWithNul(Encoding.UTF8.GetBytes(json)).ShouldBe(field);

    [Theory]
    [InlineData("""{"namedPlace":"Busan port"}""")]
    [InlineData("""{"path":"C:\\u0000"}""")]
    [InlineData("""{"broken":"\u0000""")]
    public void JsonFieldWithNul_NoneInTextOrNotJson_Null(string json) =>
        NulCharacterGuard.JsonFieldWithNul(Encoding.UTF8.GetBytes(json)).ShouldBeNull();

    [Fact]
    public void FieldWithNul_NamesTheFieldOfANestedMessage()
    {
        var clean = new Struct { Fields = { ["place"] = Value.ForString("Busan port") } };
        var dirty = new Struct { Fields = { ["place"] = Value.ForList(Value.ForString("ok"), Value.ForString("a\0b")) } };

        NulTextGuard.FieldWithNul(clean).ShouldBeNull();
        NulTextGuard.FieldWithNul(dirty).ShouldBe("fields[place].list_value.values[1].string_value");
    }
}
