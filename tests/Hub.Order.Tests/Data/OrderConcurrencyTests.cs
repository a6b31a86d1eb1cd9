using System.Net.Http.Json;
using Hub.Order.Endpoints;
using Hub.Order.Tests.Fakes;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hub.Order.Tests.Data;

public class OrderConcurrencyTests(OrderFixture fixture) : IClassFixture<OrderFixture>
{
    [Fact]
    public async Task TwoWritersOfOneOrder_SecondLosesOnTheRowVersion()
    {
        var (buyer, id) = await PlaceAsync("key-race-xmin");
        await using var first = fixture.CreateDb();
        await using var second = fixture.CreateDb();
        var a = await first.Orders.SingleAsync(o => o.Id == id);
        var b = await second.Orders.SingleAsync(o => o.Id == id);

        a.Expect(DateTime.UtcNow.AddHours(1));
        await first.SaveChangesAsync();
        b.Expect(DateTime.UtcNow.AddHours(2));

        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        (await OrderFixture.GetAsync(buyer, id)).DueBy!.Value.ShouldBeLessThan(DateTime.UtcNow.AddMinutes(61));
    }

    [Fact]
    public async Task TwoWritersOfOneOrderTimeline_SecondLoses()
    {
        var (buyer, id) = await PlaceAsync("key-race");
        await using var first = fixture.CreateDb();
        await using var second = fixture.CreateDb();
        var a = await first.Orders.Include(o => o.Timeline).SingleAsync(o => o.Id == id);
        var b = await second.Orders.Include(o => o.Timeline).SingleAsync(o => o.Id == id);

        a.Fail("first writer", DateTime.UtcNow, "KR", "a");
        await first.SaveChangesAsync();
        b.Cancel("buyer", DateTime.UtcNow, "KR", "b");

        // Either the row version or the timeline's (order, sequence) key refuses the second writer.
        await Should.ThrowAsync<DbUpdateException>(() => second.SaveChangesAsync());
        (await OrderFixture.GetAsync(buyer, id)).Status.ShouldBe("Failed");
    }

    private async Task<(HttpClient Buyer, string OrderId)> PlaceAsync(string key)
    {
        var buyer = fixture.ClientFor(OrderFixture.NewCompany());
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), 1000, 100);
        var placed = await OrderFixture.PlaceAsync(buyer, OrderFixture.Cart(new CartLineRequest(product, 5, null)), key);
        var id = (await placed.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.Single().OrderId;

        // The order process handles OrderPlaced under the order's row lock; the two writers here race each other only
        // once it has asked for the funds (the fake payment then sends nothing more).
        await Eventually.TrueAsync(async () =>
        {
            await using var db = fixture.CreateDb();
            return await db.Orders.Where(o => o.Id == id).SelectMany(o => o.Timeline).AnyAsync(t => t.Step == "FundsRequested");
        }, TimeSpan.FromSeconds(20), "the order process has asked for the funds");
        return (buyer, id);
    }
}
