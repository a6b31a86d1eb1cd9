using System.Net.Http.Json;
using Hub.Catalog.Data;
using Hub.Catalog.Endpoints;
using Hub.Contracts.Values;
using Hub.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
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
    private InProcessService<CatalogDbContext>? _service;

    internal WebApplicationFactory<CatalogDbContext> Factory => Service.Host;

    internal CatalogClient Grpc => new(Service.Channel);

    private InProcessService<CatalogDbContext> Service => _service ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync() => _service = await InProcessService<CatalogDbContext>.StartAsync("Catalog");

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    internal CatalogDbContext CreateDb() => Service.Db();

    /// <summary>A company no other test uses.</summary>
    internal static CompanyId NewCompany() => CompanyId.Parse($"KR-C-{Interlocked.Increment(ref _companies) + 100:000000}");

    internal HttpClient ClientFor(CompanyId company) => Service.Client(TestSecurity.Sme(company));

    internal HttpClient OperatorClient() => Service.Client(TestSecurity.Operator(HubId.KR));

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
