using Grpc.Net.Client;
using Hub.Gateway.Tests.Fakes;
using Microsoft.AspNetCore.Builder;

namespace Hub.Gateway.Tests;

/// <summary>Real backends on loopback ports and the gateway in front of them, shared by the proxying tests.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private WebApplication? _rest;
    private WebApplication? _grpc;
    private GatewayFactory? _gateway;

    public Dictionary<string, string> Settings { get; } = new() { ["Hub:Id"] = "KR" };

    public Uri CatalogRest => new(Settings["Services:Catalog:Http"]);

    public Uri TaxRefundRest => new(Settings["Services:TaxRefund:Http"]);

    internal GatewayFactory Gateway => _gateway ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _rest = await EchoBackend.StartAsync();
        _grpc = await CatalogGrpcBackend.StartAsync();

        var closed = Backend.ClosedAddress();
        foreach (var name in GatewayFactory.ServiceNames)
        {
            Settings[$"Services:{name}:Http"] = closed;
            Settings[$"Services:{name}:Grpc"] = closed;
        }

        Settings["Services:Catalog:Http"] = _rest.Urls.ElementAt(0);
        Settings["Services:TaxRefund:Http"] = _rest.Urls.ElementAt(1);
        Settings["Services:Catalog:Grpc"] = _grpc.Urls.Single();

        _gateway = new GatewayFactory(Settings);
        _gateway.StartServer();
    }

    public HttpClient CreateClient() => Gateway.CreateClient();

    public GrpcChannel CreateGrpcChannel() =>
        GrpcChannel.ForAddress(Gateway.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Gateway.Server.CreateHandler() });

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        foreach (var backend in new[] { _rest, _grpc })
        {
            if (backend is not null)
            {
                await backend.DisposeAsync();
            }
        }
    }
}
