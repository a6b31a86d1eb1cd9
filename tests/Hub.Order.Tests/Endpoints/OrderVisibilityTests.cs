using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Order.Endpoints;
using Hub.Order.Tests.Fakes;
using Hub.Testing;

namespace Hub.Order.Tests.Endpoints;

public class OrderVisibilityTests(OrderFixture fixture) : IClassFixture<OrderFixture>
{
    [Fact]
    public async Task OtherCompany_GetsNotFoundThroughEveryRoute_OperatorSeesAll()
    {
        var a = fixture.ClientFor(OrderFixture.NewCompany());
        var b = fixture.ClientFor(OrderFixture.NewCompany());
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 1000, 100);
        var placed = await OrderFixture.PlaceAsync(a, OrderFixture.Cart(new CartLineRequest(product, 5, null)), "key-visible");
        var order = (await placed.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.Single().OrderId;

        (await b.GetAsync($"/api/order/orders/{order}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.PostAsync($"/api/order/orders/{order}/receipt", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.PostAsync($"/api/order/orders/{order}/cancel", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await b.GetFromJsonAsync<List<OrderResponse>>("/api/order/orders"))!.ShouldNotContain(o => o.OrderId == order);

        var own = await OrderFixture.GetAsync(a, order);
        own.Timeline!.ShouldNotBeEmpty();
        own.Timeline![0].Step.ShouldBe("Placed");
        (await a.GetFromJsonAsync<List<OrderResponse>>("/api/order/orders"))!.ShouldContain(o => o.OrderId == order);
        (await OrderFixture.GetAsync(fixture.OperatorClient(), order)).OrderId.ShouldBe(order);
        (await fixture.OperatorClient().GetFromJsonAsync<List<OrderResponse>>("/api/order/orders?limit=200"))!.ShouldContain(o => o.OrderId == order);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/receipt")]
    [InlineData("POST", "/cancel")]
    [InlineData("POST", "/dispute")]
    public async Task MalformedOrderId_IsAValidationProblemNamingTheId_AWellFormedUnknownOneNotFound(string method, string action)
    {
        var buyer = fixture.ClientFor(OrderFixture.NewCompany());
        HttpRequestMessage Request(string id) =>
            new(new HttpMethod(method), $"/api/order/orders/{id}{action}") { Content = method == "GET" ? null : JsonContent.Create(new { reason = "Goods arrived broken." }) };

        var malformed = await buyer.SendAsync(Request("order-1"));
        var unknown = await buyer.SendAsync(Request("CN-O-999999999"));

        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await malformed.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("id")[0].GetString()!.ShouldContain("'order-1' is not an order id");
        unknown.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task List_InPages_WalksEveryOrderOnceNewestFirst_BeforeAnOrderTheCallerDoesNotSee_BadRequest()
    {
        var buyer = fixture.ClientFor(OrderFixture.NewCompany());
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 1000, 1000);
        var placed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var response = await OrderFixture.PlaceAsync(buyer, OrderFixture.Cart(new CartLineRequest(product, 5, null)), $"key-page-{Guid.NewGuid():N}");
            placed.Add((await response.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.Single().OrderId);
        }

        var walked = await ListPages.WalkAsync(buyer, "/api/order/orders", "before", 2, idProperty: "orderId");

        walked.Select(o => o.GetProperty("orderId").GetString()).ShouldBe(Enumerable.Reverse(placed));
        var stranger = await fixture.ClientFor(OrderFixture.NewCompany()).GetAsync($"/api/order/orders?before={placed[2]}");
        stranger.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await stranger.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>())!.Errors.Keys.ShouldBe(["before"]);
        (await buyer.GetAsync("/api/order/orders?limit=201")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await buyer.GetAsync("/api/order/orders?limit=0")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Receipt_BeforeDelivery_Returns409AndChangesNothing()
    {
        var a = fixture.ClientFor(OrderFixture.NewCompany());
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 1000, 100);
        var placed = await OrderFixture.PlaceAsync(a, OrderFixture.Cart(new CartLineRequest(product, 5, null)), "key-early-receipt");
        var order = (await placed.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.Single().OrderId;

        var response = await a.PostAsync($"/api/order/orders/{order}/receipt", null);

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        fixture.Fakes.Payment.Released.ShouldNotContain(order);
    }

    [Fact]
    public async Task Anonymous_Unauthorized() =>
        (await fixture.Factory.CreateClient().GetAsync("/api/order/orders")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
}
