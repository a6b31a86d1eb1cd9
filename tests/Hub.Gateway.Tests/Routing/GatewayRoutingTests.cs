using System.Net;
using System.Net.Http.Json;
using Hub.Gateway.Tests.Fakes;
using Hub.Platform.V1;
using Microsoft.Extensions.DependencyInjection;
using Yarp.ReverseProxy;
using CatalogGrpc = Hub.Catalog.V1.Catalog;

namespace Hub.Gateway.Tests.Routing;

[Collection(GatewayCollection.Name)]
public sealed class GatewayRoutingTests(GatewayFixture fixture)
{
    public static TheoryData<string, string, string> Services => new()
    {
        { "catalog", "catalog", "Catalog" },
        { "order", "order", "Order" },
        { "customs", "customs", "Customs" },
        { "logistics", "logistics", "Logistics" },
        { "payment", "payment", "Payment" },
        { "tax-refund", "taxrefund", "TaxRefund" },
    };

    [Fact]
    public async Task Get_CatalogPathWithQuery_ReachesCatalogBackendIntact()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/api/catalog/products?x=1");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var echoed = (await response.Content.ReadFromJsonAsync<EchoedRequest>())!;
        echoed.Path.ShouldBe("/api/catalog/products");
        echoed.Query.ShouldBe("?x=1");
        echoed.Port.ShouldBe(fixture.CatalogRest.Port);
        echoed.Protocol.ShouldBe("HTTP/1.1");
    }

    [Fact]
    public async Task Get_TaxRefundPath_ReachesTaxRefundCluster()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/api/tax-refund/claims/KR-R-000001");

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var echoed = (await response.Content.ReadFromJsonAsync<EchoedRequest>())!;
        echoed.Path.ShouldBe("/api/tax-refund/claims/KR-R-000001");
        echoed.Port.ShouldBe(fixture.TaxRefundRest.Port);
    }

    [Fact]
    public async Task Probe_ThroughGateway_IsAnsweredByH2cBackend()
    {
        using var channel = fixture.CreateGrpcChannel();
        var client = new CatalogGrpc.CatalogClient(channel);

        var reply = await client.ProbeAsync(new ProbeRequest { TimeoutMs = 1234 }, deadline: DateTime.UtcNow.AddSeconds(10));

        reply.ProbeId.ShouldBe(FakeCatalogService.ProbeId);
        reply.Service.ShouldBe("HTTP/2");
        reply.RoundTripMs.ShouldBe(1234);
    }

    [Theory]
    [InlineData("/api/nowhere/products")]
    [InlineData("/api")]
    [InlineData("/hub.nowhere.v1.Nowhere/Probe")]
    public async Task Get_UnknownPath_Returns404(string path)
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync(path);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    // Partner hubs reach only the methods another hub calls; the services' internal commands (payment above all) have
    // no route. An unsigned call to an exposed method is refused (PERMISSION_DENIED); any other is answered UNIMPLEMENTED by the
    // gateway itself, never forwarded.
    [Theory]
    [InlineData("/hub.catalog.v1.Catalog/Probe", true)]
    [InlineData("/hub.catalog.v1.Catalog/GetProducts", true)]
    [InlineData("/hub.catalog.v1.Catalog/ReserveStock", true)]
    [InlineData("/hub.catalog.v1.Catalog/ReleaseStock", true)]
    [InlineData("/hub.catalog.v1.Catalog/CommitStock", true)]
    [InlineData("/hub.customs.v1.Customs/Declare", true)]
    [InlineData("/hub.customs.v1.Customs/Withdraw", true)]
    [InlineData("/hub.customs.v1.Customs/PreviewLandedCost", false)]
    [InlineData("/hub.customs.v1.Customs/GetDeclaration", false)]
    [InlineData("/hub.logistics.v1.Logistics/EstimateFreight", true)]
    [InlineData("/hub.logistics.v1.Logistics/BookConsignment", true)]
    [InlineData("/hub.logistics.v1.Logistics/CancelConsignment", true)]
    [InlineData("/hub.order.v1.OrderPlacement/PlaceOrder", true)]
    [InlineData("/hub.order.v1.OrderPlacement/GetOrder", true)]
    [InlineData("/hub.order.v1.Order/Probe", true)]
    [InlineData("/hub.payment.v1.Payment/Probe", true)]
    [InlineData("/hub.payment.v1.Payment/Payout", false)]
    [InlineData("/hub.payment.v1.Payment/Release", false)]
    [InlineData("/hub.payment.v1.Payment/Refund", false)]
    [InlineData("/hub.payment.v1.Payment/SecureFunds", false)]
    [InlineData("/hub.payment.v1.Payment/QuoteFx", false)]
    [InlineData("/hub.payment.v1.Payment/OpenDispute", false)]
    [InlineData("/hub.payment.v1.PartnerDisputes/GetDispute", true)]
    [InlineData("/hub.payment.v1.PartnerDisputes/EscalateDispute", true)]
    [InlineData("/hub.taxrefund.v1.TaxRefund/Probe", true)]
    public async Task PartnerGrpcRoutes_OnlyTheMethodsAnotherHubCalls(string path, bool exposed)
    {
        using var client = fixture.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent([0, 0, 0, 0, 0]) };
        request.Content.Headers.ContentType = new("application/grpc");

        using var response = await client.SendAsync(request);

        await response.Content.ReadAsByteArrayAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, "the gateway answers a gRPC call it refuses with a gRPC status");
        var status = response.Headers.Concat(response.TrailingHeaders).Single(h => h.Key == "grpc-status").Value.Single();
        status.ShouldBe(exposed ? "7" : "12", exposed ? "PERMISSION_DENIED: not a partner hub" : "UNIMPLEMENTED: no route");
    }

    [Fact]
    public async Task Get_BackendNotListening_Returns502()
    {
        using var client = fixture.CreateClient();

        using var response = await client.GetAsync("/api/order/orders");

        response.StatusCode.ShouldBe(HttpStatusCode.BadGateway);
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void RouteTable_EveryService_HasRestAndGrpcRoutesOnItsOwnPorts(string service, string package, string name)
    {
        var proxy = fixture.Gateway.Services.GetRequiredService<IProxyStateLookup>();

        proxy.TryGetRoute($"{service}-rest", out var rest).ShouldBeTrue();
        rest.Config.Match.Path.ShouldBe($"/api/{service}/{{**rest}}");
        rest.Config.ClusterId.ShouldBe($"{service}-rest");
        rest.Config.TimeoutPolicy.ShouldBe(GatewayRegistration.DefaultTimeoutPolicy);

        proxy.TryGetRoute($"{service}-grpc", out var grpc).ShouldBeTrue();
        grpc.Config.Match.Path.ShouldStartWith($"/hub.{package}.v1.{name}/");
        grpc.Config.ClusterId.ShouldBe($"{service}-grpc");
        grpc.Config.TimeoutPolicy.ShouldBe(GatewayRegistration.DefaultTimeoutPolicy);

        proxy.TryGetCluster($"{service}-rest", out var restCluster).ShouldBeTrue();
        restCluster.Destinations.Values.Single().Model.Config.Address.ShouldBe(fixture.Settings[$"Services:{name}:Http"]);

        proxy.TryGetCluster($"{service}-grpc", out var grpcCluster).ShouldBeTrue();
        grpcCluster.Destinations.Values.Single().Model.Config.Address.ShouldBe(fixture.Settings[$"Services:{name}:Grpc"]);
        grpcCluster.Model.Config.HttpRequest!.Version.ShouldBe(HttpVersion.Version20);
        grpcCluster.Model.Config.HttpRequest.VersionPolicy.ShouldBe(HttpVersionPolicy.RequestVersionExact);
    }
}
