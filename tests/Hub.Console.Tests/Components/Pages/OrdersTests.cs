using System.Net.Http.Json;
using System.Text.Json;
using Hub.Console.Tests.Services;
using Hub.Testing;

namespace Hub.Console.Tests.Components.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class OrdersTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Orders_APlacedOrder_IsListed_AndItsPageShowsTheTimelineAndATraceLink()
    {
        var buyer = HubServices.NewCompany();
        var product = fixture.Services.OrderDependencies.Catalog.List(unitPriceMinor: 1_200);
        using var asBuyer = HubServices.Sme(fixture.Services.Order, buyer);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/order/orders")
        {
            Content = JsonContent.Create(new { incoterm = "FOB", namedPlace = "Busan port", mode = "SEA", lines = new[] { new { productId = product, quantity = 20 } } }),
        };
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        var placed = await asBuyer.SendAsync(request);
        placed.EnsureSuccessStatusCode();
        var orderId = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orders")[0].GetProperty("orderId").GetString()!;

        // The order asks for the buyer's funds on its own; the fake payment sends no event back, so it then stays put.
        await Eventually.TrueAsync(async () => (await OrderAsync(orderId)).GetProperty("timeline").GetArrayLength() >= 2,
            TimeSpan.FromSeconds(30), $"order {orderId} has asked for the funds");
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync("orders");

        await console.ScreenshotAsync("orders");
        var order = await OrderAsync(orderId);
        (await console.Page.InnerTextAsync($"tr[data-order='{orderId}'] td.state")).ShouldBe(order.GetProperty("status").GetString());
        (await console.Page.InnerTextAsync($"tr[data-order='{orderId}']")).ShouldContain(buyer.ToString());

        await console.Page.ClickAsync($"a:text-is('{orderId}')");

        await console.ScreenshotAsync("order-timeline");
        order = await OrderAsync(orderId);
        (await console.Page.InnerTextAsync("#state")).ShouldBe(order.GetProperty("status").GetString());
        var timeline = order.GetProperty("timeline").EnumerateArray().Select(s => s.GetProperty("step").GetString()!).ToList();
        timeline.ShouldNotBeEmpty();
        (await console.Page.Locator("#timeline td.step").AllInnerTextsAsync()).ShouldBe(timeline);
        (await console.Page.GetAttributeAsync("#trace", "href") ?? "").ShouldContain(orderId);
    }

    [Fact]
    public async Task Orders_FilteredByAStateNoOrderIsIn_SayNoOrders()
    {
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync("orders?status=Completed");

        (await console.Page.Locator("#no-orders").CountAsync()).ShouldBe(1);
        // The order process's /metrics is not reachable in this hub: no funnel, but the list still shows.
        (await console.Page.Locator("#no-funnel").CountAsync()).ShouldBe(1);
    }

    private async Task<JsonElement> OrderAsync(string orderId)
    {
        using var op = HubServices.Operator(fixture.Services.Order);
        return await op.GetFromJsonAsync<JsonElement>($"/api/order/orders/{orderId}");
    }
}
