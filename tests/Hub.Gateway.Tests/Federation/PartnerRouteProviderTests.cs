using System.Net;
using System.Net.Http.Json;
using Hub.Gateway.Tests.Fakes;
using Hub.ServiceDefaults.Security;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;

namespace Hub.Gateway.Tests.Federation;

public sealed class PartnerRouteProviderTests
{
    [Fact]
    public async Task HubFile_GainsAPartner_RouteAppearsWithoutRestartAndSignsAsThisHub()
    {
        await using var malaysia = await EchoBackend.StartAsync();
        var hubFile = Path.Combine(Directory.CreateTempSubdirectory("hub-registry-").FullName, "kr.json");
        await File.WriteAllTextAsync(hubFile, Registry(("CN", Backend.ClosedAddress())));
        await using var gateway = new GatewayFactory(GatewaySettings.For("KR", ("HUB_CONFIG", hubFile)));
        gateway.StartServer();
        var proxy = gateway.Services.GetRequiredService<IProxyStateLookup>();
        proxy.TryGetRoute("partner-cn", out _).ShouldBeTrue();
        proxy.TryGetRoute("partner-my", out _).ShouldBeFalse();

        await File.WriteAllTextAsync(hubFile, Registry(("CN", Backend.ClosedAddress()), ("MY", malaysia.Urls.First())));
        await Eventually.TrueAsync(() => Task.FromResult(proxy.TryGetRoute("partner-my", out _)), TimeSpan.FromSeconds(20), "the MY route appears");

        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestSecurity.Sme(GatewayFixture.Company));
        using var response = await client.GetAsync("/partners/my/api/catalog/products?q=batik");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var echoed = (await response.Content.ReadFromJsonAsync<EchoedRequest>())!;
        echoed.Path.ShouldBe("/api/catalog/products");
        echoed.Query.ShouldBe("?q=batik");
        echoed.Header(HubRequestSignature.HubHeader).ShouldBe("KR");
        echoed.Header(HubRequestSignature.SignatureHeader).ShouldStartWith("v1=");
        echoed.Header("Authorization").ShouldBeNull();
    }

    // Signed as this hub, the pass-through carries only catalog reads: a user of this hub cannot send a partner
    // federated messages (customs facts, settlements), place orders or read anything else in this hub's name.
    [Theory]
    [InlineData("POST", "/partners/my/api/federation/messages")]
    [InlineData("POST", "/partners/my/api/catalog/products")]
    [InlineData("GET", "/partners/my/api/order/orders")]
    [InlineData("GET", "/partners/my/api/payment/ledger/trial-balance")]
    public async Task PassThrough_AnythingButACatalogRead_HasNoRouteAndReachesNoPartner(string method, string path)
    {
        var reached = new List<string>();
        await using var malaysia = await Backend.StartAsync(HttpProtocols.Http1, ports: 1, _ => { }, app => app.Map("/{**rest}", (HttpContext context) =>
        {
            // The gateway's readiness check asks each partner's /health/live on its own schedule; what counts here is
            // what the proxy forwarded.
            if (context.Request.Path.StartsWithSegments("/health"))
            {
                return Results.Ok();
            }

            lock (reached)
            {
                reached.Add($"{context.Request.Method} {context.Request.Path}");
            }

            return Results.Ok();
        }));
        var hubFile = Path.Combine(Directory.CreateTempSubdirectory("hub-registry-").FullName, "kr.json");
        await File.WriteAllTextAsync(hubFile, Registry(("MY", malaysia.Urls.First())));
        await using var gateway = new GatewayFactory(GatewaySettings.For("KR", ("HUB_CONFIG", hubFile)));
        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestSecurity.Operator(Contracts.Values.HubId.KR));

        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { }) };
        using var response = await client.SendAsync(request);
        using var read = await client.GetAsync("/partners/my/api/catalog/products?q=batik");

        response.StatusCode.ShouldBeOneOf(HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed);
        read.StatusCode.ShouldBe(HttpStatusCode.OK, "catalog reads still pass");
        reached.ShouldBe(["GET /api/catalog/products"]);
    }

    private static string Registry(params (string Hub, string Gateway)[] partners) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            Partners = partners.ToDictionary(p => p.Hub, p => new { Name = p.Hub, Gateway = p.Gateway, Secret = $"secret-{p.Hub}" }),
        });
}
