namespace Hub.Logistics.Tests;

/// <summary>One host shared by the tests of a class whose tests do not disturb each other's data.</summary>
public sealed class LogisticsFixture : IAsyncLifetime
{
    internal LogisticsHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await LogisticsHost.StartAsync();

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
