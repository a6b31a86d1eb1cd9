using System.Globalization;
using System.Net;

namespace Hub.Benchmarks.Orders;

/// <summary>
/// What the orders need, made through the hubs' own APIs: a listed KR product of the KR supplier with stock for every
/// order, and the CN buyer's wallet funded in CNY by CN's operator.
/// </summary>
internal static class OrderSetup
{
    public const int UnitsPerOrder = 10;
    private const long FundingFen = 5_000_000_000; // CNY 50 million, far more than any run spends

    /// <returns>The product id.</returns>
    public static async Task<string> ListProductAsync(HubSession supplier, string run, int stock)
    {
        var me = await supplier.GetAsync("/api/catalog/suppliers/me");
        if (me.Status == HttpStatusCode.NotFound)
        {
            (await supplier.PostAsync("/api/catalog/suppliers", new { name = "Hanbit Toys Co.", traderId = "1208812345", country = "KR", currency = "KRW" }))
                .Expect("Registering kr-supplier as a KR supplier");
        }
        else
        {
            me.Expect("Reading kr-supplier's supplier record");
        }

        var product = new
        {
            texts = new[] { new { language = "en", title = $"Wooden puzzle box (bench {run})", description = "Benchmark lot of wooden puzzle toys" } },
            hsCode = "950300",
            nationalLines = Array.Empty<object>(),
            origin = "KR",
            unit = new { netWeightKg = 0.4m, grossWeightKg = 0.5m, lengthCm = 10m, widthCm = 10m, heightCm = 10m },
            packaging = new { unitsPerCarton = UnitsPerOrder, cartonLengthCm = 52m, cartonWidthCm = 22m, cartonHeightCm = 22m, cartonGrossWeightKg = 5.5m },
            moq = UnitsPerOrder,
            leadTimeDays = 3,
            prices = new { currency = "KRW", tiers = new[] { new { minQuantity = UnitsPerOrder, unitPrice = 1500m } } },
            stockOnHand = stock,
            lowStockThreshold = 0,
        };
        var created = (await supplier.PostAsync("/api/catalog/products", product)).Expect("Creating the benchmark product at KR");
        var id = created.Json.GetProperty("id").GetString()!;
        (await supplier.PostAsync($"/api/catalog/products/{id}/list", null)).Expect($"Listing {id}");
        return id;
    }

    public static async Task FundAsync(HubSession operatorSession, string company, string run) =>
        (await operatorSession.PostAsync($"/api/payment/wallets/{company}/credits",
            new { amount = new { minorUnits = FundingFen, currency = "CNY" }, idempotencyKey = $"orderbench-{run}-funding" }))
        .Expect($"Funding {company} with CNY {(FundingFen / 100).ToString("N0", CultureInfo.InvariantCulture)}");

    /// <summary>The benchmark's cart; with a checkout id, placed at that checkout's figures.</summary>
    public static object Cart(string productId, Guid? checkoutId = null) => new
    {
        incoterm = "CIF",
        namedPlace = "Shanghai port",
        mode = "SEA",
        lines = new[] { new { productId, quantity = UnitsPerOrder } },
        checkoutId,
    };
}
