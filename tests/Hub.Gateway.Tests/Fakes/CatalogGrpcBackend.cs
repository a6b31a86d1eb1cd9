using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Gateway.Tests.Fakes;

/// <summary>An HTTP/2-only (h2c) backend serving the catalog gRPC service, as on a service's Grpc port.</summary>
internal static class CatalogGrpcBackend
{
    public static Task<WebApplication> StartAsync() =>
        Backend.StartAsync(HttpProtocols.Http2, ports: 1, s => s.AddGrpc(), app => app.MapGrpcService<FakeCatalogService>());
}
