namespace Hub.Console.Tests.Components.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class HealthTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Health_AfterLogin_ListsEveryProcessWithItsOwnAndTheGatewaysState()
    {
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync("");

        await console.ScreenshotAsync("health");
        (await State(console, "Catalog", "direct")).ShouldBe("Healthy");
        (await State(console, "Catalog", "gateway")).ShouldBe("ready");
        (await State(console, "Order", "direct")).ShouldBe("Unreachable");
        (await State(console, "Order", "gateway")).ShouldBe("not ready");
        (await State(console, "Gateway", "direct")).ShouldBe("Unhealthy");
        (await console.Page.InnerTextAsync("tr[data-process=Catalog]")).ShouldContain("database: Healthy: migrated");
        (await console.Page.Locator("#processes tbody tr").CountAsync()).ShouldBe(3);
    }

    private static async Task<string?> State(ConsolePage console, string process, string column) =>
        await console.Page.InnerTextAsync($"tr[data-process={process}] td.{column} [data-state]");
}
