using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Testing;

/// <summary>
/// Hosts one service in-process (hub KR) on a database and virtual host of its own, with the test token settings. The
/// host starts once its bus is connected and its queues are bound, so a test's first message is not published before
/// anything listens for it.
/// </summary>
/// <typeparam name="TMarker">Any public type of the service's assembly (its DbContext).</typeparam>
/// <param name="configurationName">The service's connection string name.</param>
/// <param name="database">The service's database.</param>
/// <param name="vhost">The service's virtual host.</param>
/// <param name="settings">Settings over the service's own.</param>
/// <param name="testServices">Services in place of the service's own (a fake of what it calls).</param>
public sealed class ServiceFactory<TMarker>(
    string configurationName, TestDatabase database, TestVirtualHost vhost, IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    : WebApplicationFactory<TMarker>
    where TMarker : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Hub:Id", "KR");
        builder.UseSetting($"ConnectionStrings:{configurationName}", database.ConnectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services => services.Configure<MassTransitHostOptions>(o => o.WaitUntilStarted = true));
        if (testServices is not null)
        {
            builder.ConfigureTestServices(testServices);
        }

        foreach (var (key, value) in vhost.Settings().Concat(TestSecurity.Settings()).Concat(settings ?? new Dictionary<string, string?>()))
        {
            builder.UseSetting(key, value);
        }
    }
}
