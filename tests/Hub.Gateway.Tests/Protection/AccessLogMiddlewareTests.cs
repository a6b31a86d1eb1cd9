using System.Net;
using System.Text.Json;

namespace Hub.Gateway.Tests.Protection;

[Collection(GatewayCollection.Name)]
public sealed class AccessLogMiddlewareTests(GatewayFixture fixture)
{
    [Fact]
    public async Task Post_BodyOverTheSizeLimit_Is413WithProblemDetails()
    {
        using var client = fixture.CreateClient();
        using var body = new ByteArrayContent(new byte[(1024 * 1024) + 1]);

        using var response = await client.PostAsync("/api/catalog/products", body);

        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task Ready_WithItsServicesDown_IsUnavailableAndNamesThem()
    {
        using var client = fixture.CreateClient(bearerToken: null);

        using var response = await client.GetAsync("/health/ready");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        var hub = (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement.GetProperty("checks").GetProperty("hub");
        hub.GetProperty("status").GetString().ShouldBe("Unhealthy");
        var description = hub.GetProperty("description").GetString() ?? "";
        description.ShouldContain("service:Order not ready");
        description.ShouldContain("partner:CN unreachable");
    }
}
