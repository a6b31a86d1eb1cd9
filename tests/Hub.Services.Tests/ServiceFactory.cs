using Hub.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hub.Services.Tests;

/// <summary>Hosts one service in-process on a database and virtual host of its own.</summary>
/// <typeparam name="TMarker">Any public type of the service's assembly (its DbContext).</typeparam>
internal sealed class ServiceFactory<TMarker>(string configurationName, TestDatabase database, TestVirtualHost vhost)
    : WebApplicationFactory<TMarker>
    where TMarker : class
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Hub:Id", "KR");
        builder.UseSetting($"ConnectionStrings:{configurationName}", database.ConnectionString);
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in vhost.Settings().Concat(TestSecurity.Settings()))
        {
            builder.UseSetting(key, value);
        }
    }
}
