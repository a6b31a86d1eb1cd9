using Grpc.Core;
using Hub.Order.V1;
using Hub.Story;
using Xunit.Abstractions;

namespace Hub.EndToEnd.Tests;

/// <summary>A partner hub places and follows an order for a buyer of CN over gRPC, through CN's gateway, signed as KR.</summary>
[Collection(TwoHubsCollection.Name)]
public sealed class PartnerPlacementTests(TwoHubs hubs, ITestOutputHelper output) : StoryTest(hubs, output)
{
    // A CN company with no money at CN: its payment fails, so the order ends on its own, without a race with the test.
    // Its user (cn-buyer-through-partner) gives KR the mandate to place for it.
    private const string Buyer = "CN-C-000036";

    [Fact]
    public Task PartnerHub_PlacesAndFollowsForABuyerOfTheHub_OnlySignedAndOnlyWithTheBuyersMandate() => RunAsync(async ct =>
    {
        var story = Story(Cast("cn-buyer", "kr-supplier-partner-sold"));
        var product = await story.ListProductAsync(stock: 100, ct);
        using var signed = Hubs.GatewayChannel("CN", partner: "KR");
        using var unsigned = Hubs.GatewayChannel("CN", partner: null);
        var partner = new OrderPlacement.OrderPlacementClient(signed);
        PlaceOrderRequest Cart(string buyer, string key) => new()
        {
            IdempotencyKey = key,
            BuyerCompany = buyer,
            Incoterm = "FOB",
            NamedPlace = "Busan port",
            Mode = "SEA",
            Lines = { new CartLine { ProductId = product.Id, Quantity = 10 } },
        };

        var anonymous = await Should.ThrowAsync<RpcException>(async () =>
            await new OrderPlacement.OrderPlacementClient(unsigned).PlaceOrderAsync(Cart(Buyer, "partner-unsigned"), cancellationToken: ct));
        anonymous.StatusCode.ShouldBe(StatusCode.Unauthenticated);
        var foreign = await Should.ThrowAsync<RpcException>(async () => await partner.PlaceOrderAsync(Cart("KR-C-000036", "partner-foreign"), cancellationToken: ct));
        foreign.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        foreign.Status.Detail.ShouldContain("company of this hub (CN)");
        var unmandated = await Should.ThrowAsync<RpcException>(async () => await partner.PlaceOrderAsync(Cart(Buyer, "partner-unmandated"), cancellationToken: ct));
        unmandated.StatusCode.ShouldBe(StatusCode.PermissionDenied);
        Narrate("CN's gateway refused an unsigned placement, KR's placement for a KR buyer, and for a CN buyer that gave KR no mandate.");

        var user = await Hubs.Cn.SignInAsync(new StoryUser("cn-buyer-through-partner", "buyer-demo"), ct);
        var mandate = await Hubs.Cn.SendAsync(HttpMethod.Put, "/api/order/mandates/KR", user, null, null, ct);
        mandate["partnerHub"]!.GetValue<string>().ShouldBe("KR");
        Narrate($"{user.User} gave partner hub KR a mandate to place orders for {Buyer}.");

        var key = $"partner-{Guid.NewGuid():N}";
        var placed = await partner.PlaceOrderAsync(Cart(Buyer, key), cancellationToken: ct);
        var replayed = await partner.PlaceOrderAsync(Cart(Buyer, key), cancellationToken: ct);
        var order = placed.Orders.ShouldHaveSingleItem();
        order.SupplierHub.ShouldBe("KR");
        order.GoodsTotalMinor.ShouldBe(120_000);
        replayed.Replayed.ShouldBeTrue();
        replayed.PurchaseId.ShouldBe(placed.PurchaseId);
        Narrate($"KR placed order {order.OrderId} at CN for {Buyer}.");

        var request = new OrderRequest { OrderId = order.OrderId };
        var view = await partner.GetOrderAsync(request, cancellationToken: ct);
        view.BuyerCompany.ShouldBe(Buyer);
        view.Timeline[0].Cause.ShouldBe($"purchase {placed.PurchaseId} placed by partner hub KR");
        for (var waited = TimeSpan.Zero; view.Status != "Failed" && waited < story.StepTimeout; waited += TimeSpan.FromSeconds(1))
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            view = await partner.GetOrderAsync(request, cancellationToken: ct);
        }

        view.Status.ShouldBe("Failed", "the buyer has no money at CN");
        view.Timeline.Select(t => t.Step).ShouldContain("StockReleased");
        var late = await Should.ThrowAsync<RpcException>(async () => await partner.CancelOrderAsync(request, cancellationToken: ct));
        late.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
        Narrate($"KR followed order {order.OrderId} to Failed ({view.FailureReason}); cancelling it then was refused.");

        var supplier = await Hubs.Kr.SignInAsync(new StoryUser("kr-supplier-partner-sold", "supplier-demo"), ct);
        var stock = (await Hubs.Kr.GetAsync(supplier, $"/api/catalog/products/{product.Id}", ct))["stock"]!;
        stock["available"]!.GetValue<int>().ShouldBe(100);
        stock["reserved"]!.GetValue<int>().ShouldBe(0);
    });
}
