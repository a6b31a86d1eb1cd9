using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hub.Gateway.Tests.Fakes;

/// <summary>An HTTP/1.1 backend on two ports (catalog's and tax refund's) that echoes what reached it.</summary>
internal static class EchoBackend
{
    public static Task<WebApplication> StartAsync() =>
        Backend.StartAsync(HttpProtocols.Http1, ports: 2, _ => { }, app =>
        {
            app.MapGet("/api/catalog/{**rest}", Echo);
            app.MapGet("/api/tax-refund/{**rest}", Echo);
        });

    private static EchoedRequest Echo(HttpContext context) => new(
        context.Request.Path,
        context.Request.QueryString.Value ?? "",
        context.Connection.LocalPort,
        context.Request.Protocol,
        context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString()));
}
