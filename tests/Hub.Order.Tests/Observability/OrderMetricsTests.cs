using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Hub.Order.Endpoints;
using Hub.Order.Tests.Fakes;
using Hub.Testing;

namespace Hub.Order.Tests.Observability;

public sealed class OrderMetricsTests(OrderFixture fixture) : IClassFixture<OrderFixture>
{
    [Fact]
    public async Task Metrics_PlacingAnOrder_CountsItAsPlacedAndInItsState()
    {
        using var host = fixture.Factory.WithWebHostBuilder(b => b.UseSetting("Metrics:GaugeRefresh", "00:00:00.200"));
        using var scraper = host.CreateClient();
        await Eventually.TrueAsync(async () => Sum(await scraper.GetStringAsync("/metrics"), "hub_orders_placed_total") == 0,
            TimeSpan.FromSeconds(20), "the metrics show no order placed yet");
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), unitPriceMinor: 1000, available: 50);

        var placed = await OrderFixture.PlaceAsync(fixture.ClientFor(OrderFixture.NewCompany()),
            OrderFixture.Cart(new CartLineRequest(product, 10, "KR-C-000950")), "metrics-key");

        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var text = "";
        await Eventually.TrueAsync(async () => Sum(text = await scraper.GetStringAsync("/metrics"), "hub_orders_placed_total") == 1,
            TimeSpan.FromSeconds(20), "the metrics count the placed order");
        Sum(text, "hub_orders_in_state").ShouldBe(1);
        Sum(text, "hub_orders_completed_total").ShouldBe(0);
    }

    /// <summary>The sum of a metric's series (null when it has none).</summary>
    private static double? Sum(string text, string metric)
    {
        var values = Series(metric).Matches(text).Select(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture)).ToList();
        return values.Count == 0 ? null : values.Sum();
    }

    private static Regex Series(string metric) => new($"^{metric}(?:{{[^}}]*}})? (?<value>\\S+)", RegexOptions.Multiline);
}
