using Hub.ServiceDefaults.Hosting;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.ServiceDefaults.Tests.Hosting;

public sealed class KestrelEndpointsTests
{
    [Fact]
    public async Task HostName_IsListenedOnEveryAddress_AnIpAddressOnItselfOnly()
    {
        var rest = TestPorts.FreePort();
        var grpc = TestPorts.FreePort();
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // As a cluster's hub file names the service: by the name the other processes reach it by.
            ["Services:Catalog:Http"] = $"http://catalog.hub-kr.svc:{rest}",
            ["Services:Catalog:Grpc"] = $"http://127.0.0.1:{grpc}",
        });
        KestrelEndpoints.Configure(builder.WebHost, builder.Configuration, "Catalog");
        await using var app = builder.Build();
        app.MapGet("/", () => Results.Text("catalog"));
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        addresses.ShouldBe([$"http://[::]:{rest}", $"http://127.0.0.1:{grpc}"], ignoreOrder: true);
        using var client = new HttpClient();
        (await client.GetStringAsync($"http://127.0.0.1:{rest}/")).ShouldBe("catalog");
        await app.StopAsync();
    }
}
