using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Catalog.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace Hub.Catalog.Tests.Endpoints;

public sealed class SupplierEndpointsTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Theory]
    [InlineData("Hanbit\0Trading", "123-45-67890", "name")]
    [InlineData("Hanbit Trading", "123-45\u001b-67890", "traderId")]
    public async Task Register_ControlCharacters_Returns400NamingTheField_AndRegistersNothing(string name, string traderId, string field)
    {
        var company = CatalogFixture.NewCompany();
        using var client = fixture.ClientFor(company);

        var response = await client.PostAsJsonAsync("/api/catalog/suppliers", new SupplierRequest(name, traderId, "KR", "KRW"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe([field]);
        await using var db = fixture.CreateDb();
        (await db.Suppliers.AnyAsync(s => s.CompanyId == company.ToString())).ShouldBeFalse();
    }
}
