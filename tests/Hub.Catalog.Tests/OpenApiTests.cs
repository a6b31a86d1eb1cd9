using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Catalog.Tests;

public sealed class OpenApiTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public async Task OpenApiDocument_DescribesTheRestApi()
    {
        using var client = fixture.Factory.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/catalog.json");
        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/catalog/products");
        paths.ShouldContain("/api/catalog/products/{id}/stock");
        paths.ShouldContain("/api/catalog/suppliers");
    }
}
