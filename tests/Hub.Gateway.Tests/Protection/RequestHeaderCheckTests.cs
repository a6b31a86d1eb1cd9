using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Hub.Gateway.Tests.Protection;

[Collection(GatewayCollection.Name)]
public sealed class RequestHeaderCheckTests(GatewayFixture fixture)
{
    [Theory]
    [InlineData("Idempotency-Key", "키-é")]
    [InlineData("Accept-Language", "français")]
    [InlineData("X-Note", "bell\u0007")]
    public async Task Proxy_HeaderValueThatCannotBeForwarded_Is400NamingTheHeader(string header, string value)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/products");
        request.Headers.TryAddWithoutValidation(header, value).ShouldBeTrue();

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([header]);
    }

    [Fact]
    public async Task Proxy_HeaderValueWithTabsAndSpaces_IsForwarded()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/products");
        request.Headers.TryAddWithoutValidation("X-Note", "two\twords and more").ShouldBeTrue();

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<Fakes.EchoedRequest>())!.Header("X-Note").ShouldBe("two\twords and more");
    }
}
