using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Tests.Grpc;

public sealed class PartnerChannelsTests
{
    private static readonly Method<string, string> Lookup = StringMethods.Unary("test.v1.Partner", "Lookup");

    private static readonly Method<string, string> Declare = StringMethods.Unary("test.v1.Customs", "Declare");

    [Fact]
    public async Task PartnerServiceThatKeepsFailing_IsSuspendedAlone_ItsHubsOtherServicesAndOtherPartnersAreStillCalled()
    {
        var registry = new PartnerRegistry
        {
            Partners =
            {
                ["CN"] = new PartnerHub { GatewayGrpc = ClosedPort(), Secret = "kr-cn" },
                ["MY"] = new PartnerHub { GatewayGrpc = ClosedPort(), Secret = "kr-my" },
            },
        };
        using var channels = new PartnerChannels(
            new ServiceIdentity(HubId.Parse("KR"), "order"),
            new FixedMonitor<PartnerRegistry>(registry),
            Options.Create(new GrpcClientOptions { MaxRetries = 0, BreakerMinimumThroughput = 3, BreakerBreakDuration = TimeSpan.FromMinutes(1) }),
            TimeProvider.System);
        Task<RpcException> Call(string hub, Method<string, string>? method = null) =>
            Should.ThrowAsync<RpcException>(() => channels.For(HubId.Parse(hub)).AsyncUnaryCall(method ?? Lookup, null, new CallOptions(), "x").ResponseAsync);

        var refused = new List<RpcException>();
        for (var i = 0; i < 3; i++)
        {
            refused.Add(await Call("CN"));
        }

        var suspended = await Call("CN");
        var other = await Call("MY");
        var otherService = await Call("CN", Declare);

        refused.ShouldAllBe(e => e.StatusCode == StatusCode.Unavailable && !e.Status.Detail.Contains("suspended"));
        suspended.StatusCode.ShouldBe(StatusCode.Unavailable);
        suspended.Status.Detail.ShouldContain("Calls to Partner of hub CN are suspended");
        other.StatusCode.ShouldBe(StatusCode.Unavailable);
        other.Status.Detail.ShouldNotContain("suspended", customMessage: "each partner hub has its own circuit");
        otherService.StatusCode.ShouldBe(StatusCode.Unavailable);
        otherService.Status.Detail.ShouldNotContain("suspended", customMessage: "each service of a partner hub has its own circuit");
    }

    [Fact]
    public async Task PartnerGateway_IsReachedOverNewConnectionsOnceTheirLifetimeIsOver_NotOneForTheProcesssLife()
    {
        var port = TestPorts.FreePort();
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, o => o.Protocols = HttpProtocols.Http2));
        await using var gateway = builder.Build();
        var connections = new ConcurrentDictionary<string, int>();
        // A gateway that answers every call with an empty message, noting the connection it came on.
        gateway.Run(async context =>
        {
            connections.AddOrUpdate(context.Connection.Id, 1, (_, n) => n + 1);
            context.Response.ContentType = "application/grpc";
            await context.Response.Body.WriteAsync(new byte[5]);
            context.Response.AppendTrailer("grpc-status", "0");
        });
        await gateway.StartAsync();
        var registry = new PartnerRegistry { Partners = { ["CN"] = new PartnerHub { GatewayGrpc = new Uri($"http://127.0.0.1:{port}"), Secret = "kr-cn" } } };
        using var channels = new PartnerChannels(
            new ServiceIdentity(HubId.Parse("KR"), "order"),
            new FixedMonitor<PartnerRegistry>(registry),
            Options.Create(new GrpcClientOptions { PartnerConnectionLifetime = TimeSpan.FromMilliseconds(300) }),
            TimeProvider.System);

        var started = DateTime.UtcNow;
        var calls = 0;
        while (DateTime.UtcNow - started < TimeSpan.FromSeconds(1.5))
        {
            (await channels.For(HubId.Parse("CN")).AsyncUnaryCall(Lookup, null, new CallOptions(), "x").ResponseAsync).ShouldBe("");
            calls++;
            await Task.Delay(50);
        }

        connections.Values.Sum().ShouldBe(calls);
        connections.Count.ShouldBeGreaterThanOrEqualTo(3, "a connection carries calls for 300 ms, then another is opened");
    }

    private static Uri ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return new Uri($"http://127.0.0.1:{port}");
    }

    private sealed class FixedMonitor<T>(T value) : IOptionsMonitor<T>
    {
        public T CurrentValue => value;

        public T Get(string? name) => value;

        public IDisposable? OnChange(Action<T, string?> listener) => null;
    }
}
