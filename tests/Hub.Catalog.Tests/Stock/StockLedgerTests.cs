using Hub.Catalog.Domain.Stock;
using Hub.Catalog.Stock;
using Microsoft.EntityFrameworkCore;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Messaging.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Hub.Catalog.Tests.Stock;

/// <summary>
/// Groups of reservations written together, as the batcher hands them to the ledger: a group that fits is written as
/// reserved in one go; any other is decided order by order, and either way the outcome is the same as one at a time.
/// </summary>
public sealed class StockLedgerTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private static int _orders = 500_000;

    private static string NewOrder() => $"KR-O-{Interlocked.Increment(ref _orders):000000}";

    private static StockReservation Candidate(string order, params (string Product, int Quantity)[] lines) =>
        StockReservation.Reserved(order, lines.Select(l => new ReservationLine(l.Product, l.Quantity)), DateTime.UtcNow);

    private async Task<string> ProductAsync(int stock, int lowStockThreshold = 0, bool list = true, bool delist = false)
    {
        var supplier = await fixture.SupplierAsync();
        var product = await CatalogFixture.CreateProductAsync(supplier, Requests.Product(moq: 1, stock: stock) with { LowStockThreshold = lowStockThreshold }, list);
        if (delist)
        {
            (await supplier.PostAsync($"/api/catalog/products/{product}/delist", null)).EnsureSuccessStatusCode();
        }

        return product;
    }

    private async Task<IReadOnlyList<ReservationOutcome>> ReserveAsync(params StockReservation[] group)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<StockLedger>().ReserveAsync(group, CancellationToken.None);
    }

    private async Task<int> ReservedOfAsync(string product)
    {
        await using var db = fixture.CreateDb();
        return (await db.StockItems.AsNoTracking().SingleAsync(s => s.ProductId == product)).Reserved;
    }

    private async Task<int> StockReservedEventsAsync(string order) =>
        (await fixture.OutboxBodiesAsync("StockReserved")).Count(b => b.Contains(order, StringComparison.Ordinal));

    [Fact]
    public async Task Group_ThatFits_ReservesEveryOrder_WithOneEventEach()
    {
        var first = await ProductAsync(stock: 100);
        var second = await ProductAsync(stock: 100);
        string[] orders = [NewOrder(), NewOrder(), NewOrder()];

        var outcomes = await ReserveAsync(Candidate(orders[0], (first, 5)), Candidate(orders[1], (first, 7), (second, 2)), Candidate(orders[2], (second, 1)));

        outcomes.ShouldAllBe(o => o.Reservation.Status == ReservationStatus.Reserved && !o.Repeat);
        (await ReservedOfAsync(first)).ShouldBe(12);
        (await ReservedOfAsync(second)).ShouldBe(3);
        foreach (var order in orders)
        {
            (await StockReservedEventsAsync(order)).ShouldBe(1);
        }

        await using var db = fixture.CreateDb();
        (await db.Reservations.AsNoTracking().Where(r => orders.Contains(r.OrderId)).ToListAsync())
            .Select(r => (r.OrderId, r.Status, r.Lines.Sum(l => l.Quantity))).OrderBy(r => r.OrderId)
            .ShouldBe([(orders[0], ReservationStatus.Reserved, 5), (orders[1], ReservationStatus.Reserved, 9), (orders[2], ReservationStatus.Reserved, 1)]);
    }

    [Fact]
    public async Task Group_ShortForItsLastOrder_ServesTheOrdersInTurn()
    {
        var scarce = await ProductAsync(stock: 5);
        var plenty = await ProductAsync(stock: 100);
        string[] orders = [NewOrder(), NewOrder(), NewOrder()];

        // Each order alone fits; together the first two take all but one unit, so the third (two units) is refused.
        var outcomes = await ReserveAsync(Candidate(orders[0], (scarce, 3), (plenty, 1)), Candidate(orders[1], (scarce, 1)), Candidate(orders[2], (scarce, 2), (plenty, 4)));

        outcomes.Select(o => o.Reservation.Status).ShouldBe([ReservationStatus.Reserved, ReservationStatus.Reserved, ReservationStatus.Rejected]);
        outcomes[2].Reservation.RejectionReason.ShouldBe($"{scarce}: 2 requested, 1 available");
        (await ReservedOfAsync(scarce)).ShouldBe(4);
        (await ReservedOfAsync(plenty)).ShouldBe(1, "the refused order's other line reserves nothing");
        (await StockReservedEventsAsync(orders[2])).ShouldBe(0);
        (await StockReservedEventsAsync(orders[0])).ShouldBe(1);
    }

    [Fact]
    public async Task Group_RepeatingAnOrder_AnswersItWithItsFirstOutcome_AndReservesTheRest()
    {
        var product = await ProductAsync(stock: 50);
        var repeated = NewOrder();
        var fresh = NewOrder();
        (await ReserveAsync(Candidate(repeated, (product, 10))))[0].Repeat.ShouldBeFalse();

        var outcomes = await ReserveAsync(Candidate(repeated, (product, 10)), Candidate(fresh, (product, 3)));

        outcomes[0].Repeat.ShouldBeTrue();
        outcomes[0].Reservation.Status.ShouldBe(ReservationStatus.Reserved);
        outcomes[1].ShouldSatisfyAllConditions(o => o.Repeat.ShouldBeFalse(), o => o.Reservation.Status.ShouldBe(ReservationStatus.Reserved));
        (await ReservedOfAsync(product)).ShouldBe(13);
        (await StockReservedEventsAsync(repeated)).ShouldBe(1);
        (await StockReservedEventsAsync(fresh)).ShouldBe(1);
    }

    [Fact]
    public async Task Group_TakingAProductBelowItsThreshold_RaisesStockLowOnce()
    {
        var product = await ProductAsync(stock: 20, lowStockThreshold: 10);
        var other = await ProductAsync(stock: 20, lowStockThreshold: 10);

        // Together the orders cross the threshold (20 → 8 available); the other product stays above it (20 → 15).
        await ReserveAsync(Candidate(NewOrder(), (product, 6), (other, 5)), Candidate(NewOrder(), (product, 6)));

        (await ReservedOfAsync(product)).ShouldBe(12);
        var low = await fixture.OutboxBodiesAsync("StockLow");
        low.Count(b => b.Contains(product, StringComparison.Ordinal)).ShouldBe(1);
        low.ShouldNotContain(b => b.Contains(other, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Group_WithAnUnlistedProduct_RefusesOnlyItsOrder()
    {
        var draft = await ProductAsync(stock: 10, list: false);
        var listed = await ProductAsync(stock: 10);
        string[] orders = [NewOrder(), NewOrder()];

        var outcomes = await ReserveAsync(Candidate(orders[0], (draft, 1)), Candidate(orders[1], (listed, 2)));

        outcomes.Select(o => o.Reservation.Status).ShouldBe([ReservationStatus.Rejected, ReservationStatus.Reserved]);
        outcomes[0].Reservation.RejectionReason.ShouldBe($"{draft}: draft, not listed");
        (await ReservedOfAsync(draft)).ShouldBe(0);
        (await ReservedOfAsync(listed)).ShouldBe(2);
    }

    [Fact]
    public async Task ReserveAll_GroupThatFits_WritesItInOneBatch()
    {
        var product = await ProductAsync(stock: 30, lowStockThreshold: 10);
        StockReservation[] group = [Candidate(NewOrder(), (product, 12)), Candidate(NewOrder(), (product, 8))];

        var ids = await ReserveAllAsync(group);

        ids.Count.ShouldBe(2);
        (await ReservedOfAsync(product)).ShouldBe(20, "30 → 10 available: down to the threshold, not below it");
    }

    [Theory]
    [InlineData("short")]
    [InlineData("below threshold")]
    [InlineData("unlisted")]
    [InlineData("delisted")]
    [InlineData("unknown")]
    public async Task ReserveAll_GroupThatDoesNotFit_FailsBeforeItsWrites(string why)
    {
        var plenty = await ProductAsync(stock: 100);
        var product = why switch
        {
            "short" => await ProductAsync(stock: 5),
            "below threshold" => await ProductAsync(stock: 30, lowStockThreshold: 10),
            "unlisted" => await ProductAsync(stock: 50, list: false),
            "delisted" => await ProductAsync(stock: 50, delist: true),
            _ => "KR-P-999997",
        };
        StockReservation[] group = [Candidate(NewOrder(), (plenty, 1)), Candidate(NewOrder(), (product, 3)), Candidate(NewOrder(), (product, 18))];

        var ex = await Should.ThrowAsync<PostgresException>(() => ReserveAllAsync(group));

        ex.SqlState.ShouldBe(StockLocks.ExpectationFailed);
        (await ReservedOfAsync(plenty)).ShouldBe(0);
        foreach (var candidate in group)
        {
            (await StockReservedEventsAsync(candidate.OrderId)).ShouldBe(0);
        }
    }

    // The one-round-trip write alone, on a connection of its own, rolled back when it fails as the ledger does.
    private async Task<IReadOnlyList<long>> ReserveAllAsync(StockReservation[] group)
    {
        await using var scope = fixture.Factory.Services.CreateAsyncScope();
        var events = scope.ServiceProvider.GetRequiredService<OutboxWriter>();
        await using var db = fixture.CreateDb();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        try
        {
            return await StockWrites.ReserveAllAsync(connection, group, events.Publish([.. group.Select(StockLedger.StockReservedEvent)]), DateTime.UtcNow, CancellationToken.None);
        }
        catch
        {
            await BatchTransaction.AbandonAsync(connection);
            throw;
        }
    }
}
