using System.Net;
using Hub.ServiceDefaults.Grpc;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;

namespace Hub.ServiceDefaults.Hosting;

internal static class KestrelEndpoints
{
    // gRPC without TLS cannot negotiate HTTP/2, so it gets its own HTTP/2-only (h2c) port and REST keeps HTTP/1.1.
    public static void Configure(IWebHostBuilder webHost, IConfiguration configuration, string serviceSection)
    {
        var http = configuration[$"Services:{serviceSection}:Http"];
        var grpc = configuration[$"Services:{serviceSection}:Grpc"];
        if (http is null && grpc is null)
        {
            return;
        }

        webHost.ConfigureKestrel(kestrel =>
        {
            if (http is not null)
            {
                Listen(kestrel, http, HttpProtocols.Http1);
            }

            if (grpc is not null)
            {
                Listen(kestrel, grpc, HttpProtocols.Http2);
            }
        });
    }

    /// <summary>
    /// An IP address or <c>localhost</c> is listened on as written; a host name (<c>http://catalog:8080</c>, the name
    /// the other processes reach this one by, as in a cluster) on every address of the machine.
    /// </summary>
    private static void Listen(KestrelServerOptions kestrel, string url, HttpProtocols protocols)
    {
        var uri = new Uri(url);
        if (ServiceAddresses.IsName(uri))
        {
            kestrel.ListenAnyIP(uri.Port, o => o.Protocols = protocols);
        }
        else
        {
            kestrel.Listen(IPAddress.TryParse(uri.Host, out var address) ? address : IPAddress.Loopback, uri.Port, o => o.Protocols = protocols);
        }
    }
}
