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
        var search = document.GetProperty("paths").GetProperty("/api/catalog/products").GetProperty("get");
        search.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString())
            .ShouldBe(["q", "hs", "origin", "minPrice", "maxPrice", "currency", "maxMoq", "inStock", "sort", "lang", "limit", "cursor", "status"], ignoreOrder: true);
        document.GetProperty("paths").GetProperty("/api/catalog/products/{id}").GetProperty("put").GetProperty("responses").EnumerateObject()
            .Select(r => r.Name).ShouldBe(["200", "400", "404", "409"], ignoreOrder: true);
    }
}
