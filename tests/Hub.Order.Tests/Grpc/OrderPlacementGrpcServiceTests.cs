using Grpc.Core;
using Hub.Order.Tests.Fakes;
using Hub.Order.V1;
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

        var first = await client.PlaceOrderAsync(request);
        var second = await client.PlaceOrderAsync(request);

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

        var ex = await Should.ThrowAsync<RpcException>(async () => await client.PlaceOrderAsync(request));

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
        await client.PlaceOrderAsync(Request(buyer, "grpc-reused", product, 10));

        var ex = await Should.ThrowAsync<RpcException>(async () => await client.PlaceOrderAsync(Request(buyer, "grpc-reused", product, 12)));

        ex.StatusCode.ShouldBe(StatusCode.AlreadyExists);
    }

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
