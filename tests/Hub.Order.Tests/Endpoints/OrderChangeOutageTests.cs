using System.Net;
using System.Net.Http.Json;
using Hub.Order.Endpoints;
using Hub.Order.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hub.Order.Tests.Endpoints;

/// <summary>The database lost in the middle of a buyer's change to an order (a fixture of its own: it drops connections).</summary>
public class OrderChangeOutageTests(OrderFixture fixture) : IClassFixture<OrderFixture>
{
    [Fact]
    public async Task DatabaseLostDuringACancellation_IsAnOutageToTryAgain_NotAConflict_AndTheRepeatCancels()
    {
        var buyer = fixture.ClientFor(OrderFixture.NewCompany());
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 1000, 100);
        var placed = await OrderFixture.PlaceAsync(buyer, OrderFixture.Cart(new CartLineRequest(product, 5, null)), "key-outage");
        var order = (await placed.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.Single().OrderId;
        // While the cancellation gives the stock back, the connection holding its transaction and the order's lock is lost.
        fixture.Fakes.Catalog.BeforeRelease[order] = DropOpenTransactionsAsync;

        var lost = await buyer.PostAsync($"/api/order/orders/{order}/cancel", null);

        lost.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable, await lost.Content.ReadAsStringAsync());
        (await OrderFixture.GetAsync(buyer, order)).Status.ShouldBe("Placed", "nothing of the cancellation was saved");
        var repeated = await buyer.PostAsync($"/api/order/orders/{order}/cancel", null);
        repeated.StatusCode.ShouldBe(HttpStatusCode.OK, await repeated.Content.ReadAsStringAsync());
        (await OrderFixture.GetAsync(buyer, order)).Status.ShouldBe("Cancelled");
        fixture.Fakes.Catalog.Available(product).ShouldBe(100);
    }

    private async Task DropOpenTransactionsAsync()
    {
        await using (var db = fixture.CreateDb())
        {
            await db.Database.ExecuteSqlRawAsync(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND state = 'idle in transaction' AND pid <> pg_backend_pid()");
        }

        // The pooled connections of the same server are opened again rather than found broken by the next request.
        NpgsqlConnection.ClearAllPools();
    }
}
