using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grpc.Net.Client;
using Hub.Catalog.Data;
using Hub.Catalog.Endpoints;
using Hub.Contracts.Values;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using CatalogClient = Hub.Catalog.V1.Catalog.CatalogClient;

namespace Hub.Catalog.Tests;

/// <summary>
/// One migrated database, virtual host and in-process catalog (hub KR) per test class. Tests own their data by using
/// companies and search words nobody else uses.
/// </summary>
public sealed class CatalogFixture : IAsyncLifetime
{
    private static int _companies;
    private TestDatabase? _database;
    private TestVirtualHost? _vhost;
    private ServiceFactory<CatalogDbContext>? _factory;
    private GrpcChannel? _channel;

    internal ServiceFactory<CatalogDbContext> Factory => _factory ?? throw new InvalidOperationException("Not initialized.");

    internal CatalogClient Grpc => new(_channel ?? throw new InvalidOperationException("Not initialized."));

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("catalog");
        await _database.MigrateAsync<CatalogDbContext>();
        _vhost = await TestVirtualHost.CreateAsync();
        _factory = new ServiceFactory<CatalogDbContext>("Catalog", _database, _vhost);
        _channel = GrpcChannel.ForAddress(_factory.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _factory.Server.CreateHandler() });
    }

    public async Task DisposeAsync()
    {
        _channel?.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (_vhost is not null)
        {
            await _vhost.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    internal CatalogDbContext CreateDb() => _database!.CreateContext<CatalogDbContext>();

    /// <summary>A company no other test uses.</summary>
    internal static CompanyId NewCompany() => CompanyId.Parse($"KR-C-{Interlocked.Increment(ref _companies) + 100:000000}");

    internal HttpClient ClientFor(CompanyId company)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSecurity.Sme(company));
        return client;
    }

    internal HttpClient OperatorClient()
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSecurity.Operator(HubId.KR));
        return client;
    }

    /// <summary>A company registered as a KRW supplier, and its client.</summary>
    internal async Task<HttpClient> SupplierAsync(string currency = "KRW")
    {
        var client = ClientFor(NewCompany());
        var response = await client.PostAsJsonAsync("/api/catalog/suppliers", new SupplierRequest("Hanbit Trading", "123-45-67890", "KR", currency));
        response.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>Creates (and by default lists) a product, returning its id.</summary>
    internal static async Task<string> CreateProductAsync(HttpClient supplier, ProductRequest request, bool list = true)
    {
        var response = await supplier.PostAsJsonAsync("/api/catalog/products", request);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Create failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        var product = (await response.Content.ReadFromJsonAsync<ProductResponse>())!;
        if (list)
        {
            (await supplier.PostAsync($"/api/catalog/products/{product.Id}/list", null)).EnsureSuccessStatusCode();
        }

        return product.Id;
    }

    internal async Task<List<string>> OutboxBodiesAsync(string eventName)
    {
        await using var db = CreateDb();
        return await db.OutboxMessages.Where(m => m.MessageType.StartsWith("Hub.Contracts.Catalog." + eventName + ",")).Select(m => m.Body).ToListAsync();
    }
}
