using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;

namespace Hub.ServiceDefaults.Tests;

/// <summary>
/// A KR service's defaults (security, problem details, health) on a test server, with the endpoints the test class
/// maps, started once per class.
/// </summary>
/// <param name="name">The service's name.</param>
public abstract class DefaultsTestApp(string name) : IAsyncLifetime
{
    private WebApplication _app = null!;

    /// <summary>A client of the test server.</summary>
    protected HttpClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(TestSecurity.Settings().Append(new("Hub:Id", "KR")));
        builder.AddServiceDefaults(name);
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        Map(_app);
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }

    /// <summary>Maps the endpoints the tests call.</summary>
    /// <param name="app">The service, its defaults mapped.</param>
    protected abstract void Map(WebApplication app);
}
