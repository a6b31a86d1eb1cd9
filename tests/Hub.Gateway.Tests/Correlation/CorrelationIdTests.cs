using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Gateway.Correlation;
using Hub.Gateway.Tests.Fakes;
using Hub.Platform.V1;
using CatalogGrpc = Hub.Catalog.V1.Catalog;

namespace Hub.Gateway.Tests.Correlation;

[Collection(GatewayCollection.Name)]
public sealed class CorrelationIdTests(GatewayFixture fixture)
{
    private const string Header = CorrelationId.HeaderName;

    [Fact]
    public async Task Proxy_RequestWithoutCorrelationId_GeneratesOneForwardedAndEchoed()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/api/catalog/products");

        var echoed = (await response.Content.ReadFromJsonAsync<EchoedRequest>())!;
        var returned = response.Headers.GetValues(Header).ShouldHaveSingleItem();
        returned.ShouldNotBeNullOrWhiteSpace();
        echoed.Header(Header).ShouldBe(returned);
    }

    [Fact]
    public async Task Proxy_RequestWithCorrelationId_PreservesIt()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/tax-refund/claims");
        request.Headers.Add(Header, "sme-7f3a-42");

        using var response = await client.SendAsync(request);

        var echoed = (await response.Content.ReadFromJsonAsync<EchoedRequest>())!;
        echoed.Header(Header).ShouldBe("sme-7f3a-42");
        response.Headers.GetValues(Header).ShouldHaveSingleItem().ShouldBe("sme-7f3a-42");
    }

    [Fact]
    public async Task Proxy_TwoRequestsWithoutCorrelationId_GetDifferentIds()
    {
        using var client = fixture.CreateClient();

        using var first = await client.GetAsync("/api/catalog/products");
        using var second = await client.GetAsync("/api/catalog/products");

        first.Headers.GetValues(Header).Single().ShouldNotBe(second.Headers.GetValues(Header).Single());
    }

    [Fact]
    public async Task Proxy_BackendNotListening_StillEchoesCorrelationId()
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/payment/quotes");
        request.Headers.Add(Header, "lost-call-1");

        using var response = await client.SendAsync(request);

        response.Headers.GetValues(Header).ShouldHaveSingleItem().ShouldBe("lost-call-1");
    }

    [Fact]
    public async Task Proxy_CorrelationIdOfTheLongestForm_IsKept()
    {
        using var client = fixture.CreateClient();
        var longest = "trace:" + new string('a', CorrelationId.MaxLength - "trace:".Length);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/catalog/products");
        request.Headers.Add(Header, longest);

        using var response = await client.SendAsync(request);

        (await response.Content.ReadFromJsonAsync<EchoedRequest>())!.Header(Header).ShouldBe(longest);
        response.Headers.GetValues(Header).ShouldHaveSingleItem().ShouldBe(longest);
    }

    [Theory]
    [InlineData("é")]
    [InlineData("sme 7f3a")]
    [InlineData("<script>")]
    public async Task Proxy_CorrelationIdOutsideItsForm_Is400NamingItAndEchoesAnIdOfItsOwn(string sent)
    {
        await RefusedAsync("/api/catalog/products", sent);
    }

    [Fact]
    public async Task Proxy_CorrelationIdOverTheMaximumLength_Is400NamingItAndEchoesAnIdOfItsOwn()
    {
        await RefusedAsync("/api/catalog/products", new string('a', CorrelationId.MaxLength + 1));
    }

    [Fact]
    public async Task FederatedSearch_CorrelationIdWithNonAscii_Is400NamingIt()
    {
        await RefusedAsync("/api/federation/catalog/search?q=x", "é");
    }

    [Fact]
    public async Task Probe_WithoutCorrelationId_ForwardsTheGeneratedIdToTheBackend()
    {
        using var channel = fixture.CreateGrpcChannel();
        var client = new CatalogGrpc.CatalogClient(channel);

        using var call = client.ProbeAsync(new ProbeRequest(), deadline: DateTime.UtcNow.AddSeconds(10));
        var reply = await call;
        var headers = await call.ResponseHeadersAsync;

        reply.Hub.ShouldNotBeNullOrWhiteSpace();
        headers.GetValue("x-correlation-id").ShouldBe(reply.Hub);
    }

    private async Task RefusedAsync(string path, string sent)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation(Header, sent).ShouldBeTrue();

        using var response = await client.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([Header]);
        var echoed = response.Headers.GetValues(Header).ShouldHaveSingleItem();
        echoed.ShouldNotBe(sent);
        CorrelationId.IsWellFormed(echoed).ShouldBeTrue();
    }
}
