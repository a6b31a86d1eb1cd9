using System.Net;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy;

namespace Hub.Gateway.Tests.Routing;

public sealed class ServiceNameResolutionTests
{
    [Fact]
    public async Task ServiceNamedByHostName_IsADestinationPerAddress_CalledByItsName()
    {
        // The machine's own name stands for a cluster's service name here.
        var name = Dns.GetHostName();
        var port = TestPorts.FreePort();
        await using var catalog = await StartCatalogAsync(port);
        await using var gateway = new GatewayFactory(GatewaySettings.For("KR", ("Services:Catalog:Http", $"http://{name}:{port}")));
        gateway.StartServer();

        gateway.Services.GetRequiredService<IProxyStateLookup>().TryGetCluster("catalog-rest", out var cluster).ShouldBeTrue();
        var destinations = cluster.Destinations.Values.Select(d => d.Model.Config).ToList();
        var addresses = (await Dns.GetHostAddressesAsync(name)).Where(a => !a.IsIPv6LinkLocal);
        destinations.Select(d => IPAddress.Parse(new Uri(d.Address).Host.Trim('[', ']'))).ShouldBe(addresses, ignoreOrder: true);
        destinations.ShouldAllBe(d => d.Host == $"{name}:{port}");

        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestSecurity.Sme(GatewayFixture.Company));
        for (var call = 0; call < 10; call++)
        {
            (await client.GetStringAsync("/api/catalog/products")).ShouldBe($"{name}:{port}", "the catalog is called by its name");
        }
    }

    /// <summary>A catalog on every address of the machine, answering with the Host it was called by.</summary>
    private static async Task<WebApplication> StartCatalogAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenAnyIP(port));
        var app = builder.Build();
        app.MapGet("/api/catalog/products", (HttpContext context) => context.Request.Host.Value);
        await app.StartAsync();
        return app;
    }
}
