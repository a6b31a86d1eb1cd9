namespace Hub.Console.Tests.Components.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class OutboxTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Outbox_PerService_ShowsPendingAndLagFromItsMetrics()
    {
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync("outbox");

        await console.ScreenshotAsync("outbox");
        (await console.Page.InnerTextAsync("tr[data-service=Catalog] td.pending")).ShouldBe("7");
        (await console.Page.InnerTextAsync("tr[data-service=Catalog] td.lag")).ShouldBe("0.025");
        (await console.Page.InnerTextAsync("tr[data-service=Order]")).ShouldContain("metrics unavailable");
        (await console.Page.Locator("tr[data-service=Gateway]").CountAsync()).ShouldBe(0);
    }
}
