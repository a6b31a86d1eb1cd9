using Grpc.Net.Client;
using Hub.Contracts.Values;
using Hub.Gateway.Tests.Fakes;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;

namespace Hub.Gateway.Tests;

/// <summary>Real backends on loopback ports and the gateway in front of them, shared by the proxying tests.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private WebApplication? _rest;
    private WebApplication? _grpc;
    private GatewayFactory? _gateway;
    private TestVirtualHost? _vhost;

    public const string PartnerSecret = "cn-kr-secret-for-gateway-tests";

    public static readonly CompanyId Company = CompanyId.Parse("KR-C-000001");

    public Dictionary<string, string> Settings { get; } = new()
    {
        ["Hub:Id"] = "KR",
        ["Partners:CN:Name"] = "Hub China",
        ["Partners:CN:Currency"] = "CNY",
        ["Partners:CN:Secret"] = PartnerSecret,
        ["Identity:Users:0:User"] = "kim",
        ["Identity:Users:0:Password"] = "kim-password",
        ["Identity:Users:0:Role"] = "sme",
        ["Identity:Users:0:Company"] = "KR-C-000001",
    };

    public Uri CatalogRest => new(Settings["Services:Catalog:Http"]);

    public Uri TaxRefundRest => new(Settings["Services:TaxRefund:Http"]);

    public TestVirtualHost VirtualHost => _vhost ?? throw new InvalidOperationException("The fixture has not started.");

    internal GatewayFactory Gateway => _gateway ?? throw new InvalidOperationException("The fixture has not started.");

    public async Task InitializeAsync()
    {
        _vhost = await TestVirtualHost.CreateAsync();
        foreach (var (key, value) in _vhost.Settings())
        {
            Settings[key] = value!;
        }

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
        Settings["Partners:CN:Gateway"] = closed;

        _gateway = new GatewayFactory(Settings);
        _gateway.StartServer();
    }

    /// <summary>A client of an SME user of <see cref="Company"/>.</summary>
    public HttpClient CreateClient() => CreateClient(TestSecurity.Sme(Company));

    public HttpClient CreateClient(string? bearerToken)
    {
        var client = Gateway.CreateClient();
        if (bearerToken is not null)
        {
            client.DefaultRequestHeaders.Authorization = new("Bearer", bearerToken);
        }

        return client;
    }

    /// <summary>A client that signs its requests as partner hub CN (or as whoever and however the test says).</summary>
    public HttpClient CreatePartnerClient(SigningHandler? signer = null)
    {
        var handler = signer ?? new SigningHandler(HubId.Parse("CN"), PartnerSecret);
        handler.InnerHandler = Gateway.Server.CreateHandler();
        return new HttpClient(handler) { BaseAddress = Gateway.Server.BaseAddress };
    }

    /// <summary>A gRPC channel of partner hub CN: the gateway's gRPC routes are for partner hubs.</summary>
    public GrpcChannel CreateGrpcChannel() => CreateGrpcChannel(new SigningHandler(HubId.Parse("CN"), PartnerSecret));

    public GrpcChannel CreateGrpcChannel(DelegatingHandler handler)
    {
        handler.InnerHandler = Gateway.Server.CreateHandler();
        return GrpcChannel.ForAddress(Gateway.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = handler });
    }

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

        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }
    }
}
