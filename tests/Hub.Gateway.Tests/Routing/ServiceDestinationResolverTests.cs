using System.Net;
using Hub.Gateway.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;

namespace Hub.Gateway.Tests.Routing;

public sealed class ServiceDestinationResolverTests
{
    private static readonly Dictionary<string, string?> HubSettings = new()
    {
        ["Services:Catalog:Http"] = "http://127.0.0.1:8110",
        ["Services:Catalog:Grpc"] = "http://127.0.0.1:8111",
        ["Services:TaxRefund:Http"] = "http://127.0.0.1:8160",
        ["Services:Order:Grpc"] = "http://order.hub-kr.invalid:8081",
    };

    [Theory]
    [InlineData("service://catalog/http", "http://127.0.0.1:8110")]
    [InlineData("service://catalog/grpc", "http://127.0.0.1:8111")]
    [InlineData("service://tax-refund/http", "http://127.0.0.1:8160")]
    [InlineData("http://10.0.0.5:9000", "http://10.0.0.5:9000")]
    [InlineData("http://localhost:9000", "http://localhost:9000")]
    public async Task ServiceAddressOrIpAddress_IsOneDestination_FromTheHubConfiguration(string address, string expected)
    {
        var resolved = await Resolver().ResolveDestinationsAsync(Destination(address), CancellationToken.None);

        resolved.Destinations.ShouldHaveSingleItem().Value.Address.ShouldBe(expected);
        resolved.ChangeToken.ShouldBeNull("nothing to look up again");
    }

    [Fact]
    public async Task HostName_IsADestinationPerAddress_CalledByTheName_AndLookedUpAgain()
    {
        var name = Dns.GetHostName();
        var addresses = (await Dns.GetHostAddressesAsync(name)).Where(a => !a.IsIPv6LinkLocal);

        var resolved = await Resolver().ResolveDestinationsAsync(Destination($"http://{name}:8081"), CancellationToken.None);

        resolved.Destinations.Values.Select(d => IPAddress.Parse(new Uri(d.Address).Host.Trim('[', ']'))).ShouldBe(addresses, ignoreOrder: true);
        resolved.Destinations.Values.ShouldAllBe(d => d.Host == $"{name}:8081" && new Uri(d.Address).Port == 8081);
        resolved.ChangeToken.ShouldNotBeNull();
    }

    [Fact]
    public async Task HostNameThatDoesNotResolve_StaysOneDestinationByName_LookedUpAgain()
    {
        var resolved = await Resolver().ResolveDestinationsAsync(Destination("service://order/grpc"), CancellationToken.None);

        resolved.Destinations.ShouldHaveSingleItem().Value.Address.ShouldBe("http://order.hub-kr.invalid:8081");
        resolved.ChangeToken.ShouldNotBeNull();
    }

    [Fact]
    public async Task MissingServiceKey_ThrowsNamingTheKey()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(
            () => Resolver().ResolveDestinationsAsync(Destination("service://customs/grpc"), CancellationToken.None).AsTask());

        error.Message.ShouldContain("'Services:Customs:Grpc'");
        error.Message.ShouldContain("'d'");
    }

    [Theory]
    [InlineData("service://catalog")]
    [InlineData("service://catalog/")]
    [InlineData("service://catalog/grpc/extra")]
    public async Task MalformedServiceAddress_ThrowsShowingTheExpectedShape(string address)
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(
            () => Resolver().ResolveDestinationsAsync(Destination(address), CancellationToken.None).AsTask());

        error.Message.ShouldContain("service://<service>/<endpoint>");
    }

    [Fact]
    public void Gateway_MissingServiceKey_FailsAtStartupNamingTheKey()
    {
        var settings = new Dictionary<string, string> { ["Hub:Id"] = "KR" };
        foreach (var name in GatewayFactory.ServiceNames.Where(n => n != "Payment"))
        {
            settings[$"Services:{name}:Http"] = "http://127.0.0.1:1";
            settings[$"Services:{name}:Grpc"] = "http://127.0.0.1:1";
        }

        using var gateway = new GatewayFactory(settings);

        var error = Should.Throw<Exception>(gateway.StartServer);

        // YARP wraps the cluster's failure, so look through the whole chain.
        error.ToString().ShouldContain("the hub configuration has no 'Services:Payment:");
    }

    private static ServiceDestinationResolver Resolver() => new(
        new ConfigurationBuilder().AddInMemoryCollection(HubSettings).Build(),
        new FixedOptions(new GatewayOptions()),
        NullLogger<ServiceDestinationResolver>.Instance);

    private static Dictionary<string, DestinationConfig> Destination(string address) => new() { ["d"] = new() { Address = address } };

    private sealed class FixedOptions(GatewayOptions value) : IOptionsMonitor<GatewayOptions>
    {
        public GatewayOptions CurrentValue => value;

        public GatewayOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<GatewayOptions, string?> listener) => null;
    }
}
