using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

using Hub.Testing;

namespace Hub.Gateway.Tests.Fakes;

/// <summary>A real Kestrel app on free loopback ports, listening the way a hub service does.</summary>
internal static class Backend
{
    public static async Task<WebApplication> StartAsync(
        HttpProtocols protocols, int ports, Action<IServiceCollection> services, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            for (var i = 0; i < ports; i++)
            {
                kestrel.Listen(IPAddress.Loopback, 0, o => o.Protocols = protocols);
            }
        });
        services(builder.Services);

        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    /// <summary>An address nothing listens on, for the services a test does not use.</summary>
    public static string ClosedAddress() => TestPorts.FreeAddress();
}
