using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hub.Order.Tests.Fakes;

/// <summary>
/// Fake Catalog, Payment, Customs and Logistics gRPC services (and a partner hub's order API) on one real h2c port, as a hub's services listen.
/// Their state is shared so tests can arrange answers and see what the order service asked.
/// </summary>
public sealed class FakeDependencies : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeDependencies(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    internal FakeCatalog Catalog => _app.Services.GetRequiredService<FakeCatalog>();

    internal FakePayment Payment => _app.Services.GetRequiredService<FakePayment>();

    internal FakeCustoms Customs => _app.Services.GetRequiredService<FakeCustoms>();

    internal FakeLogistics Logistics => _app.Services.GetRequiredService<FakeLogistics>();

    internal FakePartnerOrders PartnerOrders => _app.Services.GetRequiredService<FakePartnerOrders>();

    /// <summary>The settings that point the order service at these fakes.</summary>
    public IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Services:Catalog:Grpc"] = Address,
        ["Services:Payment:Grpc"] = Address,
        ["Services:Customs:Grpc"] = Address,
        ["Services:Logistics:Grpc"] = Address,
        ["Hub:Currency"] = "KRW",
    };

    public static async Task<FakeDependencies> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<FakeCatalog>().AddSingleton<FakePayment>().AddSingleton<FakeCustoms>().AddSingleton<FakeLogistics>().AddSingleton<FakePartnerOrders>();
        var app = builder.Build();
        app.MapGrpcService<FakeCatalog>();
        app.MapGrpcService<FakePayment>();
        app.MapGrpcService<FakeCustoms>();
        app.MapGrpcService<FakeLogistics>();
        app.MapGrpcService<FakePartnerOrders>();
        await app.StartAsync();
        var address = app.Urls.Single().Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return new FakeDependencies(app, address);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
