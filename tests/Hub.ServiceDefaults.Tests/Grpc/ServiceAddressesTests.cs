using System.Collections.Concurrent;
using Grpc.Health.V1;
using Grpc.Net.Client.Balancer;
using Hub.ServiceDefaults.Grpc;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Hub.ServiceDefaults.Tests.Grpc;

public sealed class ServiceAddressesTests
{
    [Fact]
    public async Task ServiceNamedByHostName_ItsCallsGoToEveryInstanceTheNameResolvesTo()
    {
        await using var first = await Instance.StartAsync();
        await using var second = await Instance.StartAsync();
        var names = new ClusterNames(first.Port, second.Port);
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Services:Catalog:Grpc"] = "http://catalog.hub-kr.svc:8081" });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<ResolverFactory>(names);
        builder.AddServiceGrpcClient<global::Grpc.Health.V1.Health.HealthClient>("Catalog");
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<global::Grpc.Health.V1.Health.HealthClient>();

        for (var call = 0; call < 40; call++)
        {
            await client.CheckAsync(new HealthCheckRequest());
        }

        names.Looked.ShouldBe(["catalog.hub-kr.svc:8081"]);
        first.Calls.ShouldBeGreaterThan(5, "the first instance takes its share of the calls");
        second.Calls.ShouldBeGreaterThan(5, "the second instance takes its share of the calls");
        (first.Calls + second.Calls).ShouldBe(40);
    }

    [Theory]
    [InlineData("http://127.0.0.1:8211", "http://127.0.0.1:8211/")]
    [InlineData("http://localhost:8211", "http://localhost:8211/")]
    [InlineData("http://catalog:8081", "dns:///catalog:8081")]
    public void ChannelAddress_AResolvedNameForAHostNameOnly(string address, string expected) =>
        ServiceAddresses.ChannelAddress(new Uri(address)).ToString().ShouldBe(expected);

    /// <summary>The cluster's DNS: the name of the service stands for its two instances.</summary>
    private sealed class ClusterNames(params int[] ports) : ResolverFactory
    {
        public ConcurrentQueue<string> Looked { get; } = new();

        public override string Name => "dns";

        public override Resolver Create(ResolverOptions options)
        {
            Looked.Enqueue(options.Address.AbsolutePath.TrimStart('/'));
            return new Fixed(options.LoggerFactory, [.. ports.Select(port => new BalancerAddress("127.0.0.1", port))]);
        }

        private sealed class Fixed(ILoggerFactory loggers, BalancerAddress[] addresses) : PollingResolver(loggers)
        {
            protected override Task ResolveAsync(CancellationToken cancellationToken)
            {
                Listener(ResolverResult.ForResult(addresses));
                return Task.CompletedTask;
            }
        }
    }

    /// <summary>One instance of a service: the gRPC health service on a port of its own, counting the calls it takes.</summary>
    private sealed class Instance : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _calls;

        private Instance(WebApplication app, int port)
        {
            _app = app;
            Port = port;
        }

        public int Port { get; }

        public int Calls => Volatile.Read(ref _calls);

        public static async Task<Instance> StartAsync()
        {
            var port = TestPorts.FreePort();
            var builder = WebApplication.CreateBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.ConfigureKestrel(k => k.ListenLocalhost(port, o => o.Protocols = HttpProtocols.Http2));
            builder.Services.AddGrpc();
            builder.Services.AddGrpcHealthChecks();
            var app = builder.Build();
            var instance = new Instance(app, port);
            app.Use((context, next) =>
            {
                Interlocked.Increment(ref instance._calls);
                return next(context);
            });
            app.MapGrpcHealthChecksService();
            await app.StartAsync();
            return instance;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
