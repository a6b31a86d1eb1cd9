using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Gateway.Tests.Fakes;

namespace Hub.Gateway.Tests.Identity;

[Collection(GatewayCollection.Name)]
public sealed class TokenEndpointsTests(GatewayFixture fixture)
{
    [Fact]
    public async Task IssueToken_DevelopmentUser_GetsTokenTheHubAccepts()
    {
        using var anonymous = fixture.CreateClient(bearerToken: null);

        using var issued = await anonymous.PostAsJsonAsync("/api/identity/token", new { user = "kim", password = "kim-password" });

        issued.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await issued.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("company").GetString().ShouldBe("KR-C-000001");
        using var client = fixture.CreateClient(body.GetProperty("accessToken").GetString());
        using var response = await client.GetAsync("/api/catalog/products");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadFromJsonAsync<EchoedRequest>())!.Header("Authorization").ShouldNotBeNull();
    }

    [Fact]
    public async Task IssueToken_WrongPassword_IsUnauthorized()
    {
        using var anonymous = fixture.CreateClient(bearerToken: null);

        using var response = await anonymous.PostAsJsonAsync("/api/identity/token", new { user = "kim", password = "guess" });

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task IssueToken_MissingFields_IsBadRequestNamingThem()
    {
        using var anonymous = fixture.CreateClient(bearerToken: null);

        using var response = await anonymous.PostAsJsonAsync("/api/identity/token", new { user = "" });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        errors.TryGetProperty("user", out _).ShouldBeTrue();
        errors.TryGetProperty("password", out _).ShouldBeTrue();
    }
}
