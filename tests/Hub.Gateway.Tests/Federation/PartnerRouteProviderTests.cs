using System.Net;
using System.Net.Http.Json;
using Hub.Gateway.Tests.Fakes;
using Hub.ServiceDefaults.Security;
using Hub.Testing;
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

    private static string Registry(params (string Hub, string Gateway)[] partners) =>
        System.Text.Json.JsonSerializer.Serialize(new
        {
            Partners = partners.ToDictionary(p => p.Hub, p => new { Name = p.Hub, Gateway = p.Gateway, Secret = $"secret-{p.Hub}" }),
        });
}
