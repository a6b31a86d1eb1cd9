using Grpc.Core;
using Hub.Order.Tests.Fakes;
using Hub.Order.V1;
using Hub.Contracts.Values;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hub.Order.Tests.Grpc;

public class OrderPlacementGrpcServiceTests(OrderFixture fixture) : IClassFixture<OrderFixture>
{
    [Fact]
    public async Task PlaceOrder_SameKeyTwice_OnePurchaseSecondReplayed()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var buyer = OrderFixture.NewCompany().ToString();
        var request = Request(buyer, "grpc-key", fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 700, 100), 10);

        var first = await client.PlaceOrderAsync(request, AsPartner);
        var second = await client.PlaceOrderAsync(request, AsPartner);

        first.Replayed.ShouldBeFalse();
        second.Replayed.ShouldBeTrue();
        second.PurchaseId.ShouldBe(first.PurchaseId);
        var order = first.Orders.ShouldHaveSingleItem();
        order.GoodsTotalMinor.ShouldBe(7000);
        order.Status.ShouldBe("Placed");
        await using var db = fixture.CreateDb();
        (await db.Purchases.CountAsync(p => p.BuyerCompany == buyer)).ShouldBe(1);
    }

    [Fact]
    public async Task PlaceOrder_BadCart_InvalidArgumentNamingFields()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var request = Request("not-a-company", "", "KR-P-1", 0);

        var ex = await Should.ThrowAsync<RpcException>(async () => await client.PlaceOrderAsync(request, AsPartner));

        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldContain("buyer_company");
        ex.Status.Detail.ShouldContain("idempotency_key");
        ex.Status.Detail.ShouldContain("lines[0].quantity");
    }

    [Fact]
    public async Task PlaceOrder_KeyReusedForOtherCart_AlreadyExists()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var buyer = OrderFixture.NewCompany().ToString();
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 700, 100);
        await client.PlaceOrderAsync(Request(buyer, "grpc-reused", product, 10), AsPartner);

        var ex = await Should.ThrowAsync<RpcException>(async () => await client.PlaceOrderAsync(Request(buyer, "grpc-reused", product, 12), AsPartner));

        ex.StatusCode.ShouldBe(StatusCode.AlreadyExists);
    }

    [Fact]
    public async Task PlaceOrder_NamesThePartnerOnTheTimeline()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var buyer = OrderFixture.NewCompany();

        var reply = await client.PlaceOrderAsync(Request(buyer.ToString(), "grpc-named", fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 700, 100), 10), AsPartner);

        var order = await OrderFixture.GetAsync(fixture.ClientFor(buyer), reply.Orders.Single().OrderId);
        order.Timeline!.First().Cause.ShouldBe($"purchase {reply.PurchaseId} placed by partner hub CN");
    }

    [Fact]
    public async Task PlaceOrder_BuyerOfAnotherHub_InvalidArgumentAndNothingReserved()
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 700, 100);

        var ex = await Should.ThrowAsync<RpcException>(async () => await client.PlaceOrderAsync(Request("CN-C-000777", "grpc-foreign", product, 10), AsPartner));

        ex.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        ex.Status.Detail.ShouldContain("buyer_company");
        ex.Status.Detail.ShouldContain("company of this hub (KR)");
        fixture.Fakes.Catalog.Available(product).ShouldBe(100);
    }

    [Theory]
    [InlineData(null, StatusCode.Unauthenticated)]
    [InlineData("operator", StatusCode.PermissionDenied)]
    [InlineData("sme", StatusCode.PermissionDenied)]
    public async Task PlaceOrder_NotAPartnerHub_RefusedAndNothingReserved(string? caller, StatusCode expected)
    {
        var client = new OrderPlacement.OrderPlacementClient(fixture.Channel);
        var buyer = OrderFixture.NewCompany();
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 700, 100);
        var token = caller switch
        {
            "operator" => TestSecurity.Operator(HubId.KR),
            "sme" => TestSecurity.Sme(buyer),
            _ => null,
        };
        var headers = token is null ? null : new Metadata { { "Authorization", $"Bearer {token}" } };

        var ex = await Should.ThrowAsync<RpcException>(async () => await client.PlaceOrderAsync(Request(buyer.ToString(), "grpc-not-partner", product, 10), headers));

        ex.StatusCode.ShouldBe(expected);
        fixture.Fakes.Catalog.Available(product).ShouldBe(100);
    }

    private static Metadata AsPartner => new() { { "Authorization", $"Bearer {TestSecurity.PartnerHub(HubId.CN)}" } };

    private static PlaceOrderRequest Request(string buyer, string key, string product, int quantity) => new()
    {
        IdempotencyKey = key,
        BuyerCompany = buyer,
        Incoterm = "FOB",
        NamedPlace = "Busan port",
        Mode = "SEA",
        Lines = { new CartLine { ProductId = product, Quantity = quantity } },
    };
}
