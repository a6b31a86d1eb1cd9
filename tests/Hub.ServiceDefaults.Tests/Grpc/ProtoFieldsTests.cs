using Grpc.Core;
using Hub.ServiceDefaults.Grpc;

namespace Hub.ServiceDefaults.Tests.Grpc;

public sealed class ProtoFieldsTests
{
    [Theory]
    [InlineData("lines[0].productId", "lines[0].product_id")]
    [InlineData("transport.containerIds[12]", "transport.container_ids[12]")]
    [InlineData("lines[1].certificate.hsSubheading", "lines[1].certificate.hs_subheading")]
    [InlineData("invoice_currency", "invoice_currency")]
    [InlineData("incoterm", "incoterm")]
    public void Path_NamesTheFieldAsTheProtoDoes(string checkedAs, string proto)
    {
        ProtoFields.Path(checkedAs).ShouldBe(proto);
    }

    [Fact]
    public void Invalid_NamesEveryFieldAsTheProtoDoes()
    {
        var refused = ProtoFields.Invalid(new Dictionary<string, string[]>
        {
            ["buyerCompany"] = ["Expected a company id."],
            ["lines[0].quantity"] = ["Quantity must be at least 1.", "At most 10,000."],
        });

        refused.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        refused.Status.Detail.ShouldBe("buyer_company: Expected a company id.; lines[0].quantity: Quantity must be at least 1. At most 10,000.");
    }
}
