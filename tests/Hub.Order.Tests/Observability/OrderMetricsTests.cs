using System.Net;
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
        using var meter = new OwnMeter(host.Services);
        await Eventually.TrueAsync(() => Task.FromResult(meter.Observe("hub.orders.placed") == 0), TimeSpan.FromSeconds(20), "no order is placed yet");
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), unitPriceMinor: 1000, available: 50);

        var placed = await OrderFixture.PlaceAsync(fixture.ClientFor(OrderFixture.NewCompany()),
            OrderFixture.Cart(new CartLineRequest(product, 10, null)), "metrics-key");

        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        await Eventually.TrueAsync(() => Task.FromResult(meter.Observe("hub.orders.placed") == 1), TimeSpan.FromSeconds(20), "the placed order is counted");
        meter.Observe("hub.orders.in_state").ShouldBe(1);
        meter.Observe("hub.orders.completed").ShouldBe(0);
    }
}
