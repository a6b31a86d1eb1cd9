namespace Hub.Console.Tests.Components.Pages;

[Collection(ConsoleCollection.Name)]
public sealed class PartnersTests(ConsoleFixture fixture)
{
    [Fact]
    public async Task Partners_FromTheHubConfiguration_ShowReachability()
    {
        await using var console = await ConsolePage.OpenAsync(fixture);
        await console.LogInAsync();

        await console.GoAsync("partners");

        await console.ScreenshotAsync("partners");
        (await console.Page.InnerTextAsync("tr[data-partner=CN] td.reachable")).ShouldBe("reachable");
        (await console.Page.InnerTextAsync("tr[data-partner=CN] td.gateway")).ShouldBe("reachable");
        (await console.Page.InnerTextAsync("tr[data-partner=CN]")).ShouldContain("Hub China");
        (await console.Page.InnerTextAsync("tr[data-partner=MY] td.reachable")).ShouldBe("unreachable");
        (await console.Page.InnerTextAsync("tr[data-partner=MY] td.gateway")).ShouldBe("unknown");
    }
}
