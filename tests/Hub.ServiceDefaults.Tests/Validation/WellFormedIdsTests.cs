using Hub.Contracts.Values;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Builder;

namespace Hub.ServiceDefaults.Tests.Validation;

public sealed class WellFormedIdsTests
{
    [Theory]
    [InlineData("CN-O-000042", OrderId.Kind, null)]
    [InlineData("KR-P-000042", OrderId.Kind, "'KR-P-000042' is not an order id such as KR-O-000123.")]
    [InlineData("cn-o-1", OrderId.Kind, "'cn-o-1' is not an order id such as KR-O-000123.")]
    [InlineData("KR-CS-000007", ConsignmentId.Kind, null)]
    [InlineData("", DeclarationId.Kind, "'' is not a declaration id such as KR-D-000123.")]
    public void Malformed_NamesTheIdByItsKind(string value, string kind, string? expected) =>
        WellFormedIds.Malformed(value, kind).ShouldBe(expected);

    [Fact]
    public void RequireWellFormedId_OfAKindNoIdHas_FailsWhenMapped()
    {
        var app = WebApplication.CreateBuilder().Build();

        Should.Throw<ArgumentException>(() => app.MapGroup("/things").RequireWellFormedId("id", "ZZ")).Message.ShouldContain("'ZZ'");
    }
}
