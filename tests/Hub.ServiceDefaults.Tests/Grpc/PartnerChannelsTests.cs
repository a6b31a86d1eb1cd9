using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
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
