using Hub.Gateway.Routing;
using Microsoft.Extensions.Configuration;
using Yarp.ReverseProxy.Configuration;

namespace Hub.Gateway.Tests.Routing;

public sealed class ServiceAddressFilterTests
{
    private static readonly Dictionary<string, string?> HubSettings = new()
    {
        ["Services:Catalog:Http"] = "http://127.0.0.1:8110",
        ["Services:Catalog:Grpc"] = "http://127.0.0.1:8111",
        ["Services:TaxRefund:Http"] = "http://127.0.0.1:8160",
    };

    [Theory]
    [InlineData("service://catalog/http", "http://127.0.0.1:8110")]
    [InlineData("service://catalog/grpc", "http://127.0.0.1:8111")]
    [InlineData("service://tax-refund/http", "http://127.0.0.1:8160")]
    [InlineData("http://10.0.0.5:9000", "http://10.0.0.5:9000")]
    public async Task ConfigureCluster_DestinationAddress_ResolvesFromHubConfiguration(string address, string expected)
    {
        var cluster = await Filter().ConfigureClusterAsync(Cluster("c", address), CancellationToken.None);

        cluster.Destinations!["d"].Address.ShouldBe(expected);
    }

    [Fact]
    public async Task ConfigureCluster_MissingServiceKey_ThrowsNamingTheKey()
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(
            () => Filter().ConfigureClusterAsync(Cluster("customs-grpc", "service://customs/grpc"), CancellationToken.None).AsTask());

        error.Message.ShouldContain("'Services:Customs:Grpc'");
        error.Message.ShouldContain("'customs-grpc'");
    }

    [Theory]
    [InlineData("service://catalog")]
    [InlineData("service://catalog/")]
    [InlineData("service://catalog/grpc/extra")]
    public async Task ConfigureCluster_MalformedServiceAddress_ThrowsShowingTheExpectedShape(string address)
    {
        var error = await Should.ThrowAsync<InvalidOperationException>(
            () => Filter().ConfigureClusterAsync(Cluster("c", address), CancellationToken.None).AsTask());

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

        // YARP wraps every cluster's failure (an AggregateException), so look through the whole chain.
        error.ToString().ShouldContain("the hub configuration has no 'Services:Payment:Http'");
        error.ToString().ShouldContain("the hub configuration has no 'Services:Payment:Grpc'");
    }

    private static ServiceAddressFilter Filter() =>
        new(new ConfigurationBuilder().AddInMemoryCollection(HubSettings).Build());

    private static ClusterConfig Cluster(string id, string address) => new()
    {
        ClusterId = id,
        Destinations = new Dictionary<string, DestinationConfig> { ["d"] = new() { Address = address } },
    };
}
