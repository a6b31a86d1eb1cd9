using Hub.Console.Tests.Fakes;
using Microsoft.Playwright;

namespace Hub.Console.Tests;

/// <summary>A fresh browser context on the console, with screenshots saved under the test output.</summary>
internal sealed class ConsolePage(string console, IBrowserContext context, IPage page) : IAsyncDisposable
{
    public static string Screenshots { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public IPage Page { get; } = page;

    public IBrowserContext Context { get; } = context;

    /// <summary>A fresh browser context on the fixture's console, or on <paramref name="console"/> (its address, path base included).</summary>
    public static async Task<ConsolePage> OpenAsync(ConsoleFixture fixture, string? console = null)
    {
        console ??= fixture.Console;
        var context = await fixture.Browser.NewContextAsync(new() { BaseURL = console });

        // The first page a console renders, on a busy 2-core machine, can take longer than Playwright's 30 s default.
        context.SetDefaultTimeout(90_000);
        context.SetDefaultNavigationTimeout(90_000);
        var page = await context.NewPageAsync();
        // The replay and discard buttons ask for confirmation; the operator in these tests always says yes.
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        return new ConsolePage(console, context, page);
    }

    /// <summary>Opens <paramref name="path"/> of this page's console, or of <paramref name="console"/>.</summary>
    public async Task GoAsync(string path, string? console = null) => await Page.GotoAsync((console ?? Address) + path);

    /// <summary>The address of the console this page was opened on, path base included.</summary>
    public string Address { get; } = console;

    public async Task LogInAsync(string user = FakeHub.OperatorUser, string password = FakeHub.OperatorPassword)
    {
        await GoAsync("login");
        await SubmitLoginAsync(user, password);
    }

    /// <summary>Fills in the login form already on the page (where the console sent an anonymous visitor).</summary>
    public async Task SubmitLoginAsync(string user = FakeHub.OperatorUser, string password = FakeHub.OperatorPassword)
    {
        await Page.FillAsync("#user", user);
        await Page.FillAsync("#password", password);
        await Page.ClickAsync("#login");
        await Page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    public async Task ScreenshotAsync(string name)
    {
        Directory.CreateDirectory(Screenshots);
        await Page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
