using System.Net;
using System.Text.Json;
using Hub.Gateway.Protection;

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

    [Fact]
    public void LoggedTarget_LongQuery_CutAtTheLimitWithTheRestCounted_ShortOneWhole()
    {
        var query = "/api/catalog/products?q=" + new string('x', 5_000);

        var logged = AccessLogMiddleware.LoggedTarget(query);

        logged.ShouldStartWith(query[..AccessLogMiddleware.MaxLoggedTarget]);
        logged.ShouldEndWith($"… ({query.Length - AccessLogMiddleware.MaxLoggedTarget} more characters)");
        logged.Length.ShouldBeLessThan(AccessLogMiddleware.MaxLoggedTarget + 40);
        AccessLogMiddleware.LoggedTarget("/api/catalog/products?q=tea").ShouldBe("/api/catalog/products?q=tea");
    }
}
