using Hub.Console.Tests.Fakes;
using Hub.Console.Tests.Services;
using Hub.Testing;
using Microsoft.Playwright;

namespace Hub.Console.Tests;

/// <summary>
/// One console, fake hub, the real services behind it, test vhost and headless Chromium shared by the page tests; each
/// test has its own browser context and its own data.
/// </summary>
public sealed class ConsoleFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    internal FakeHub Hub { get; private set; } = null!;

    internal TestVirtualHost VirtualHost { get; private set; } = null!;

    internal ConsoleFactory Factory { get; private set; } = null!;

    internal Broker Broker { get; private set; } = null!;

    internal HubServices Services { get; private set; } = null!;

    internal IBrowser Browser { get; private set; } = null!;

    /// <summary>The console's address as a browser reaches it, path base included.</summary>
    public string Console => Factory.Address + "/console/";

    public async Task InitializeAsync()
    {
        Hub = await FakeHub.StartAsync();
        Services = await HubServices.StartAsync(Hub);
        VirtualHost = await TestVirtualHost.CreateAsync();
        Broker = new Broker(VirtualHost);
        Factory = new ConsoleFactory(Hub, VirtualHost, FakeHub.ClosedAddress());
        Factory.UseKestrel();
        Factory.StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true });
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright?.Dispose();
        await Factory.DisposeAsync();
        await Services.DisposeAsync();
        Broker.Dispose();
        await VirtualHost.DisposeAsync();
        await Hub.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
