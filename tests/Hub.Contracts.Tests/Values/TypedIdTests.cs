using Hub.Contracts.Values;

namespace Hub.Contracts.Tests.Values;

public sealed class TypedIdTests
{
    [Fact]
    public void ProductId_CanonicalText_RoundTrips()
    {
        var id = ProductId.Parse("KR-P-000123");

        id.Hub.ShouldBe(HubId.KR);
        id.Number.ShouldBe(123);
        id.ToString().ShouldBe("KR-P-000123");
        id.ShouldBe(new ProductId(HubId.KR, 123));
    }

    [Fact]
    public void EachTypedId_UsesItsOwnKind()
    {
        new ProductId(HubId.CN, 7).ToString().ShouldBe("CN-P-000007");
        new OrderId(HubId.CN, 7).ToString().ShouldBe("CN-O-000007");
        new SupplierId(HubId.CN, 7).ToString().ShouldBe("CN-S-000007");
        new ConsignmentId(HubId.CN, 7).ToString().ShouldBe("CN-CS-000007");
        new DeclarationId(HubId.CN, 7).ToString().ShouldBe("CN-D-000007");
        new ClaimId(HubId.CN, 7).ToString().ShouldBe("CN-R-000007");
    }

    [Fact]
    public void EachTypedId_ParsesOnlyItsOwnKind()
    {
        OrderId.Parse("MY-O-000042").Number.ShouldBe(42);
        SupplierId.Parse("MY-S-000042").Hub.ShouldBe(HubId.MY);
        ConsignmentId.Parse("MY-CS-000042").Value.Kind.ShouldBe("CS");
        DeclarationId.Parse("MY-D-000042").Number.ShouldBe(42);
        ClaimId.Parse("MY-R-000042").Number.ShouldBe(42);

        ProductId.TryParse("KR-O-000123", out _).ShouldBeFalse();
        OrderId.TryParse("KR-P-000123", out _).ShouldBeFalse();
        ClaimId.TryParse("KR-C-000123", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData("KR-X")]
    [InlineData("KR-X-000123")]
    [InlineData("KR-O-000123")]
    [InlineData("garbage")]
    public void ProductId_Parse_Garbage_ThrowsFormatExceptionNamingTypeAndValue(string value)
    {
        var exception = Should.Throw<FormatException>(() => ProductId.Parse(value));

        exception.Message.ShouldContain($"'{value}'");
        exception.Message.ShouldContain(nameof(ProductId));
    }

    [Fact]
    public void TryParse_Success_ReturnsId()
    {
        DeclarationId.TryParse("KR-D-000001", out var id).ShouldBeTrue();

        id.ShouldBe(new DeclarationId(HubId.KR, 1));
    }

    [Theory]
    [InlineData(typeof(ProductId))]
    [InlineData(typeof(OrderId))]
    [InlineData(typeof(SupplierId))]
    [InlineData(typeof(ConsignmentId))]
    [InlineData(typeof(DeclarationId))]
    [InlineData(typeof(ClaimId))]
    [InlineData(typeof(CompanyId))]
    public void TypedId_HasNoConversionOperators_SoIdsCannotBeSwapped(Type idType)
    {
        idType.GetMethods().ShouldNotContain(m => m.Name == "op_Implicit" || m.Name == "op_Explicit");
    }

    [Fact]
    public void TypedIds_EachHaveTheirOwnKind_SoAnIdTextNamesOneKindOfRecord()
    {
        var kinds = typeof(HubId).Assembly.GetTypes()
            .Select(t => t.GetField("Kind", System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f is { IsLiteral: true })
            .Select(f => (string)f!.GetRawConstantValue()!)
            .ToList();

        kinds.Count.ShouldBeGreaterThanOrEqualTo(7);
        kinds.ShouldBeUnique();
    }
}
