namespace Hub.Console.Tests.Components.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class OrdersTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Orders_WhenTheOrderServiceDoesNotAnswer_ShowTheGatewaysProblemAsItCame()
    {
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync("orders");

        await console.ScreenshotAsync("orders-unavailable");
        (await console.Page.GetAttributeAsync(".problem", "data-status")).ShouldBe("404");
        (await console.Page.InnerTextAsync(".problem")).ShouldContain("The gateway has no route to order.");
        (await console.Page.Locator("#no-funnel").CountAsync()).ShouldBe(1);
    }
}
