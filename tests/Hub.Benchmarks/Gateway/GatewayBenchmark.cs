using System.Globalization;
using Hub.Benchmarks.Outbox;
using System.Text.Json;
using Hub.Catalog.Data;
using Hub.Contracts.Values;
using Hub.Gateway.Federation;
using Hub.Testing;

namespace Hub.Benchmarks.Gateway;

/// <summary>
/// GET product by id against the real Catalog service directly and through the real gateway, in one run: both on
/// Kestrel in this process, on a database and virtual host of their own, with the same closed-loop load.
/// </summary>
internal static class GatewayBenchmark
{
    private const double Target = 0.6;

    public static async Task<int> RunAsync(int concurrency, int seconds)
    {
        await using var database = await TestDatabase.CreateAsync("gatewaybench");
        await using var vhost = await TestVirtualHost.CreateAsync();
        await database.MigrateAsync<CatalogDbContext>();

        var catalogHttp = TestPorts.FreeAddress();
        var common = TestSecurity.Settings().Concat(vhost.Settings()).Append(new("Hub:Id", "KR")).Append(new("Logging:LogLevel:Default", "Warning")).ToList();
        await using var catalog = new KestrelFactory<CatalogDbContext>(common.Concat(
        [
            new("Services:Catalog:Http", catalogHttp),
            new("Services:Catalog:Grpc", TestPorts.FreeAddress()),
            new("ConnectionStrings:Catalog", database.ConnectionString),
        ]), "services/Catalog/Hub.Catalog");
        catalog.StartServer();

        var gatewayHttp = TestPorts.FreeAddress();
        var gatewaySettings = new List<KeyValuePair<string, string?>>(common)
        {
            new("Services:Gateway:Http", gatewayHttp),
            new("Services:Gateway:Grpc", TestPorts.FreeAddress()),
            new("Services:Catalog:Http", catalogHttp),
            new("Gateway:RateLimit:Burst", "1000000"),
            new("Gateway:RateLimit:PerSecond", "1000000"),
            new("Logging:LogLevel:Hub.Gateway.Protection", "Warning"),
        };
        foreach (var name in new[] { "Order", "Customs", "Logistics", "Payment", "TaxRefund", "Console" })
        {
            gatewaySettings.Add(new($"Services:{name}:Http", TestPorts.FreeAddress()));
            gatewaySettings.Add(new($"Services:{name}:Grpc", TestPorts.FreeAddress()));
        }

        gatewaySettings.Add(new("Services:Catalog:Grpc", TestPorts.FreeAddress()));
        await using var gateway = new KestrelFactory<HubAnswer>(gatewaySettings, "gateway/Hub.Gateway");
        gateway.StartServer();

        var token = TestSecurity.Sme(CompanyId.Parse("KR-C-000001"), "bench-supplier");
        var productId = await CreateProductAsync(new Uri(catalogHttp), token);
        var direct = new Uri(new Uri(catalogHttp), $"/api/catalog/products/{productId}");
        var proxied = new Uri(new Uri(gatewayHttp), $"/api/catalog/products/{productId}");
        var duration = TimeSpan.FromSeconds(seconds);

        var load = Report.LoadAverage();
        await LoadGenerator.RunAsync("warm-up", direct, token, concurrency, TimeSpan.FromSeconds(2));
        await LoadGenerator.RunAsync("warm-up", proxied, token, concurrency, TimeSpan.FromSeconds(2));
        var first = await LoadGenerator.RunAsync("direct", direct, token, concurrency, duration);
        var through = await LoadGenerator.RunAsync("through gateway", proxied, token, concurrency, duration);
        var second = await LoadGenerator.RunAsync("direct (again)", direct, token, concurrency, duration);

        var baseline = (first.PerSecond + second.PerSecond) / 2;
        var ratio = through.PerSecond / baseline;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"GET /api/catalog/products/{{id}}: {concurrency} callers, {seconds} s per phase, {Environment.ProcessorCount} CPUs, load {load} → {Report.LoadAverage()}"));
        Console.WriteLine($"{"Phase",-22} {"Requests",9} {"Failed",7} {"req/s",10} {"p50 ms",8} {"p99 ms",8}");
        foreach (var result in new[] { first, through, second })
        {
            Console.WriteLine(result.Row());
        }

        var pass = ratio >= Target && through.Failed == 0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Gateway / direct throughput {ratio,12:0.00}   target ≥ {Target:0.0}   {(pass ? "PASS" : "FAIL")}"));
        return pass ? 0 : 1;
    }

    private static async Task<string> CreateProductAsync(Uri catalog, string token)
    {
        using var client = new HttpClient { BaseAddress = catalog };
        client.DefaultRequestHeaders.Authorization = new("Bearer", token);
        (await client.PostAsJsonAsync("/api/catalog/suppliers", new { name = "Hanbit Trading", traderId = "123-45-67890", country = "KR", currency = "KRW" })).EnsureSuccessStatusCode();
        var created = await client.PostAsJsonAsync("/api/catalog/products", new
        {
            texts = new[] { new { language = "ko", title = "무선 이어폰", description = "블루투스 5.3" } },
            hsCode = "851830",
            nationalLines = Array.Empty<object>(),
            origin = "KR",
            unit = new { netWeightKg = 0.2m, grossWeightKg = 0.25m, lengthCm = 10m, widthCm = 8m, heightCm = 4m },
            packaging = new { unitsPerCarton = 50, cartonLengthCm = 45m, cartonWidthCm = 35m, cartonHeightCm = 25m, cartonGrossWeightKg = 13.5m },
            moq = 10,
            leadTimeDays = 14,
            prices = new { currency = "KRW", tiers = new[] { new { minQuantity = 10, unitPrice = 12_000m } } },
            stockOnHand = 1000,
            lowStockThreshold = 5,
        });
        if (!created.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Creating the benchmark product failed: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync()}");
        }

        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        (await client.PostAsync($"/api/catalog/products/{id}/list", null)).EnsureSuccessStatusCode();
        return id;
    }
}
