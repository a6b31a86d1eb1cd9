using Hub.ServiceDefaults.Data;

namespace Hub.ServiceDefaults.Tests.Data;

public sealed class SnakeCaseNamingTests
{
    [Theory]
    [InlineData("ProductId", "product_id")]
    [InlineData("UnitNetWeightKg", "unit_net_weight_kg")]
    [InlineData("HsCode", "hs_code")]
    [InlineData("Id", "id")]
    [InlineData("HSCode", "hs_code")]
    public void ToSnakeCase_PascalCase_BecomesSnakeCase(string name, string expected) =>
        SnakeCaseNaming.ToSnakeCase(name).ShouldBe(expected);
}
