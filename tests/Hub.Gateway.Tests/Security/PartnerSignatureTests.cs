using System.Net;
using System.Net.Http.Json;
using Grpc.Core;
using Hub.Contracts.Values;
using Hub.Gateway.Tests.Fakes;
using Hub.Platform.V1;
using Hub.ServiceDefaults.Security;
using Hub.Testing;
using Microsoft.IdentityModel.JsonWebTokens;
using CatalogGrpc = Hub.Catalog.V1.Catalog;

namespace Hub.Gateway.Tests.Security;

[Collection(GatewayCollection.Name)]
public sealed class PartnerSignatureTests(GatewayFixture fixture)
{
    private static readonly HubId China = HubId.Parse("CN");

    [Fact]
    public async Task SignedPartnerRequest_ReachesServiceAsPartnerHubBearer()
    {
        using var client = fixture.CreatePartnerClient();

        using var response = await client.GetAsync("/api/catalog/products?q=%EC%9D%B4%EC%96%B4%ED%8F%B0");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var echoed = (await response.Content.ReadFromJsonAsync<EchoedRequest>())!;
        echoed.Header(HubRequestSignature.SignatureHeader).ShouldBeNull();
        var token = new JsonWebToken(echoed.Header("Authorization")!["Bearer ".Length..]);
        token.GetClaim(HubClaimTypes.Role).Value.ShouldBe(HubRoles.PartnerHub);
        token.GetClaim(HubClaimTypes.Hub).Value.ShouldBe("CN");
    }

    [Fact]
    public async Task WronglySignedPartnerRequest_IsUnauthorized()
    {
        using var client = fixture.CreatePartnerClient(new SigningHandler(China, "not-the-shared-secret"));

        using var response = await client.GetAsync("/api/catalog/products");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RequestFromHubNotInRegistry_IsUnauthorized()
    {
        using var client = fixture.CreatePartnerClient(new SigningHandler(HubId.Parse("JP"), GatewayFixture.PartnerSecret));

        using var response = await client.GetAsync("/api/catalog/products");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task StaleSignature_IsUnauthorized()
    {
        using var client = fixture.CreatePartnerClient(new SigningHandler(China, GatewayFixture.PartnerSecret, DateTimeOffset.UtcNow.AddMinutes(-10)));

        using var response = await client.GetAsync("/api/catalog/products");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task RequestChangedAfterSigning_IsUnauthorized()
    {
        var signer = new SigningHandler(China, GatewayFixture.PartnerSecret, afterSigning: r => r.RequestUri = new Uri(r.RequestUri!, "/api/catalog/products?supplier=KR-S-000002"));
        using var client = fixture.CreatePartnerClient(signer);

        using var response = await client.GetAsync("/api/catalog/products?supplier=KR-S-000001");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task UnauthenticatedRequest_IsUnauthorizedWithProblemDetails()
    {
        using var client = fixture.CreateClient(bearerToken: null);

        using var response = await client.GetAsync("/api/catalog/products");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task SmeToken_OnPartnerGrpcRoute_IsPermissionDenied()
    {
        using var channel = fixture.CreateGrpcChannel(new BearerHandler(TestSecurity.Sme(GatewayFixture.Company)));

        var call = new CatalogGrpc.CatalogClient(channel).ProbeAsync(new ProbeRequest(), deadline: DateTime.UtcNow.AddSeconds(10));

        (await Should.ThrowAsync<RpcException>(call.ResponseAsync)).StatusCode.ShouldBe(StatusCode.PermissionDenied);
    }

    [Fact]
    public async Task TokenOfAnotherHub_IsForbidden()
    {
        using var client = fixture.CreateClient(TestSecurity.Sme(CompanyId.Parse("CN-C-000001")));

        using var response = await client.GetAsync("/api/catalog/products");

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private sealed class BearerHandler(string token) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Authorization = new("Bearer", token);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
