using System.Net;
using System.Net.Http.Json;
using Hub.Catalog.V1;
using Hub.Order.Application;
using Hub.Order.Domain;
using Hub.Order.Endpoints;
using Hub.Order.Tests.Fakes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Order.Tests.Application;

/// <summary>Stock a placement reserved and never saved an order for is given back: at once, or later by the sweeper.</summary>
public class AbandonedReservationTests(OrderFixture fixture) : IClassFixture<OrderFixture>
{
    [Fact]
    public async Task Place_Saved_LeavesNoPendingReservation()
    {
        var product = Catalog.List(FakeCatalog.NewSupplier(), 1000, 50);

        var order = await PlaceAsync(product, "key-saved");

        Catalog.Available(product).ShouldBe(40);
        (await PendingAsync(order)).ShouldBeNull();
    }

    [Fact]
    public async Task Place_RefusedWhileTheReleaseFails_KeepsTheReservationPendingUntilTheSweeperGivesItBack()
    {
        var company = OrderFixture.NewCompany();
        var good = Catalog.List(FakeCatalog.NewSupplier(), 1000, 50);
        var refused = Catalog.List(FakeCatalog.NewSupplier(), 1000, 50, refuseReservation: true);
        Catalog.ReleaseUnavailable = true;
        HttpResponseMessage response;
        try
        {
            response = await OrderFixture.PlaceAsync(fixture.ClientFor(company), OrderFixture.Cart(new CartLineRequest(good, 10, null), new CartLineRequest(refused, 10, null)), "key-release-fails");
        }
        finally
        {
            Catalog.ReleaseUnavailable = false;
        }

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        Catalog.Available(good).ShouldBe(40, "the release did not go through");
        var held = Catalog.Reservations.Single(r => r.Value.Lines.Any(l => l.ProductId == good)).Key;
        var pending = await PendingAsync(held);
        pending.ShouldNotBeNull();
        pending.SupplierHub.ShouldBe("KR");
        var rejected = Catalog.Reservations.Single(r => r.Value.Lines.Any(l => l.ProductId == refused)).Key;
        (await PendingAsync(rejected)).ShouldBeNull("the refused order holds nothing");

        await Sweeper.ReleaseAbandonedReservationsAsync(CancellationToken.None);
        Catalog.Available(good).ShouldBe(40, "a placement may still be under way within the grace");

        await AskedLongAgo(held);
        var released = await Sweeper.ReleaseAbandonedReservationsAsync(CancellationToken.None);

        released.ShouldBeGreaterThanOrEqualTo(1);
        Catalog.Available(good).ShouldBe(50);
        (await PendingAsync(held)).ShouldBeNull();
    }

    [Fact]
    public async Task Sweep_ReservationOfAPlacementThatStoppedBeforeSaving_IsReleasedOnce()
    {
        var product = Catalog.List(FakeCatalog.NewSupplier(), 1000, 50);
        var orderId = $"KR-O-{Random.Shared.Next(900_000_000, 999_999_999)}";
        await using (var db = fixture.CreateDb())
        {
            db.PendingReservations.Add(new PendingReservation(orderId, "KR", DateTime.UtcNow.AddHours(-1)));
            await db.SaveChangesAsync();
        }

        await Catalog.ReserveStock(new ReserveStockRequest { OrderId = orderId, Lines = { new ReservationLine { ProductId = product, Quantity = 15 } } }, null!);
        Catalog.Available(product).ShouldBe(35);

        await Sweeper.ReleaseAbandonedReservationsAsync(CancellationToken.None);
        await Sweeper.ReleaseAbandonedReservationsAsync(CancellationToken.None);

        Catalog.Available(product).ShouldBe(50);
        Catalog.Reservations[orderId].Status.ShouldBe("released");
        (await PendingAsync(orderId)).ShouldBeNull();
    }

    [Fact]
    public async Task Sweep_PendingReservationOfASavedOrder_IsForgottenWithoutReleasingItsStock()
    {
        var product = Catalog.List(FakeCatalog.NewSupplier(), 1000, 50);
        var order = await PlaceAsync(product, "key-saved-pending");
        await using (var db = fixture.CreateDb())
        {
            db.PendingReservations.Add(new PendingReservation(order, "KR", DateTime.UtcNow.AddHours(-1)));
            await db.SaveChangesAsync();
        }

        await Sweeper.ReleaseAbandonedReservationsAsync(CancellationToken.None);

        Catalog.Available(product).ShouldBe(40);
        Catalog.Reservations[order].Status.ShouldBe("reserved");
        (await PendingAsync(order)).ShouldBeNull();
    }

    [Fact]
    public async Task Place_UnderAKeyAStoppedPlacementClaimed_WaitsOutItsGrace_ThenGivesItsStockBackAndPlaces()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var product = Catalog.List(FakeCatalog.NewSupplier(), 1000, 20);
        var stopped = $"KR-O-{Random.Shared.Next(900_000_000, 999_999_999)}";
        var cart = OrderFixture.Cart(new CartLineRequest(product, 15, null));

        // A placement claimed the key, asked for the stock and stopped before saving its order.
        await Catalog.ReserveStock(new ReserveStockRequest { OrderId = stopped, Lines = { new ReservationLine { ProductId = product, Quantity = 15 } } }, null!);
        var asked = DateTime.UtcNow.AddSeconds(-90);
        await using (var db = fixture.CreateDb())
        {
            db.PlacementKeys.Add(new PlacementKey(company.ToString(), "key-stopped", asked));
            db.PendingReservations.Add(new PendingReservation(stopped, "KR", asked, company.ToString(), "key-stopped"));
            await db.SaveChangesAsync();
        }

        var withinGrace = await OrderFixture.PlaceAsync(buyer, cart, "key-stopped");
        await using (var db = fixture.CreateDb())
        {
            var longer = DateTime.UtcNow.AddMinutes(-3);
            await db.Database.ExecuteSqlAsync($"UPDATE placement_keys SET claimed_at = {longer} WHERE buyer_company = {company.ToString()}");
        }

        var takenOver = await OrderFixture.PlaceAsync(buyer, cart, "key-stopped");

        withinGrace.StatusCode.ShouldBe(HttpStatusCode.Conflict, "the claim may still be a placement under way");
        takenOver.StatusCode.ShouldBe(HttpStatusCode.Created, "the stopped placement's 15 units came back before the new one asked");
        Catalog.Reservations[stopped].Status.ShouldBe("released");
        Catalog.Available(product).ShouldBe(5);
        (await PendingAsync(stopped)).ShouldBeNull();
    }

    [Fact]
    public async Task Place_UnderAKeyWhoseProcessFellSilent_TakesItOverAtOnce_AClaimOfALiveOrUnnamedProcessWaitsOutItsGrace()
    {
        var company = OrderFixture.NewCompany();
        var buyer = fixture.ClientFor(company);
        var product = Catalog.List(FakeCatalog.NewSupplier(), 1000, 20);
        var stopped = $"KR-O-{Random.Shared.Next(900_000_000, 999_999_999)}";
        var cart = OrderFixture.Cart(new CartLineRequest(product, 15, null));
        var (silent, live, unnamed) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var now = DateTime.UtcNow;

        // Three placements claimed keys seconds ago: one in a process last seen a minute ago (it asked for the stock
        // and stopped), one in a process seen now, one in a process that has not noted itself yet.
        await Catalog.ReserveStock(new ReserveStockRequest { OrderId = stopped, Lines = { new ReservationLine { ProductId = product, Quantity = 15 } } }, null!);
        await using (var db = fixture.CreateDb())
        {
            db.PlacementInstances.AddRange(new PlacementInstance(silent, now.AddMinutes(-1)), new PlacementInstance(live, now));
            db.PlacementKeys.AddRange(
                new PlacementKey(company.ToString(), "key-silent", now.AddSeconds(-5), silent),
                new PlacementKey(company.ToString(), "key-live", now.AddSeconds(-5), live),
                new PlacementKey(company.ToString(), "key-unnamed", now.AddSeconds(-5), unnamed));
            db.PendingReservations.Add(new PendingReservation(stopped, "KR", now.AddSeconds(-5), company.ToString(), "key-silent", silent));
            await db.SaveChangesAsync();
        }

        var takenOver = await OrderFixture.PlaceAsync(buyer, cart, "key-silent");
        var held = await OrderFixture.PlaceAsync(buyer, cart, "key-live");
        var waiting = await OrderFixture.PlaceAsync(buyer, cart, "key-unnamed");

        takenOver.StatusCode.ShouldBe(HttpStatusCode.Created, "the silent process's 15 units came back before the new placement asked");
        Catalog.Reservations[stopped].Status.ShouldBe("released");
        Catalog.Available(product).ShouldBe(5);
        (await PendingAsync(stopped)).ShouldBeNull();
        held.StatusCode.ShouldBe(HttpStatusCode.Conflict, "a live process's placement may still be under way");
        waiting.StatusCode.ShouldBe(HttpStatusCode.Conflict, "a process not seen yet is not a silent one");
    }

    [Fact]
    public async Task Place_RepeatOfAnAttemptWhoseReleaseDidNotGoThrough_GivesThatStockBackFirst_ThenPlaces()
    {
        var company = OrderFixture.NewCompany();
        var product = Catalog.List(FakeCatalog.NewSupplier(), 1000, 10);
        var earlier = $"KR-O-{Random.Shared.Next(900_000_000, 999_999_999)}";

        // The buyer's first attempt reserved the last 10 units, gave up (its answer was lost) and could not release
        // them: the catalog did not answer. Its claim on the key was given back; the stock stays noted as pending.
        await Catalog.ReserveStock(new ReserveStockRequest { OrderId = earlier, Lines = { new ReservationLine { ProductId = product, Quantity = 10 } } }, null!);
        await using (var db = fixture.CreateDb())
        {
            db.PendingReservations.Add(new PendingReservation(earlier, "KR", DateTime.UtcNow.AddSeconds(-10), company.ToString(), "key-repeat",
                fixture.Factory.Services.GetRequiredService<ThisInstance>().Id));
            await db.SaveChangesAsync();
        }

        var repeat = await OrderFixture.PlaceAsync(fixture.ClientFor(company), OrderFixture.Cart(new CartLineRequest(product, 10, null)), "key-repeat");

        repeat.StatusCode.ShouldBe(HttpStatusCode.Created, "the earlier attempt's 10 units came back before the repeat asked for them");
        Catalog.Reservations[earlier].Status.ShouldBe("released");
        Catalog.Available(product).ShouldBe(0);
        (await PendingAsync(earlier)).ShouldBeNull();
    }

    [Fact]
    public async Task Sweep_ReservationAskedJustNowByAProcessFallenSilent_IsReleased_OneOfALiveProcessIsKept()
    {
        var product = Catalog.List(FakeCatalog.NewSupplier(), 1000, 50);
        var (ofSilent, ofLive) = ($"KR-O-{Random.Shared.Next(900_000_000, 999_999_999)}", $"KR-O-{Random.Shared.Next(900_000_000, 999_999_999)}");
        var (silent, live) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var now = DateTime.UtcNow;
        await using (var db = fixture.CreateDb())
        {
            db.PlacementInstances.AddRange(new PlacementInstance(silent, now.AddMinutes(-1)), new PlacementInstance(live, now));
            db.PendingReservations.AddRange(new PendingReservation(ofSilent, "KR", now, holder: silent), new PendingReservation(ofLive, "KR", now, holder: live));
            await db.SaveChangesAsync();
        }

        await Catalog.ReserveStock(new ReserveStockRequest { OrderId = ofSilent, Lines = { new ReservationLine { ProductId = product, Quantity = 10 } } }, null!);
        await Catalog.ReserveStock(new ReserveStockRequest { OrderId = ofLive, Lines = { new ReservationLine { ProductId = product, Quantity = 5 } } }, null!);

        await Sweeper.ReleaseAbandonedReservationsAsync(CancellationToken.None);

        Catalog.Reservations[ofSilent].Status.ShouldBe("released");
        Catalog.Reservations[ofLive].Status.ShouldBe("reserved");
        Catalog.Available(product).ShouldBe(45);
        (await PendingAsync(ofSilent)).ShouldBeNull();
        (await PendingAsync(ofLive)).ShouldNotBeNull("within the grace and its process runs: a placement may be under way");
    }

    [Fact]
    public async Task InstanceBeat_NotesThisProcessNow_AndForgetsProcessesUnseenForADay()
    {
        var self = fixture.Factory.Services.GetRequiredService<ThisInstance>().Id;
        var gone = Guid.CreateVersion7();
        await using (var db = fixture.CreateDb())
        {
            db.PlacementInstances.Add(new PlacementInstance(gone, DateTime.UtcNow.AddDays(-2)));
            await db.SaveChangesAsync();
        }

        var before = DateTime.UtcNow.AddSeconds(-1);
        await fixture.Factory.Services.GetRequiredService<InstanceBeat>().BeatAsync(CancellationToken.None);

        await using var check = fixture.CreateDb();
        (await check.PlacementInstances.SingleAsync(i => i.Id == self)).SeenAt.ShouldBeGreaterThan(before);
        (await check.PlacementInstances.AnyAsync(i => i.Id == gone)).ShouldBeFalse();
    }

    [Fact]
    public async Task Place_NamesThisProcessOnTheStockItAsksFor()
    {
        var self = fixture.Factory.Services.GetRequiredService<ThisInstance>().Id;
        var company = OrderFixture.NewCompany();
        var refused = Catalog.List(FakeCatalog.NewSupplier(), 1000, 50, refuseReservation: true);
        var good = Catalog.List(FakeCatalog.NewSupplier(), 1000, 50);
        Catalog.ReleaseUnavailable = true;
        try
        {
            (await OrderFixture.PlaceAsync(fixture.ClientFor(company), OrderFixture.Cart(new CartLineRequest(good, 10, null), new CartLineRequest(refused, 10, null)), "key-named"))
                .StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }
        finally
        {
            Catalog.ReleaseUnavailable = false;
        }

        var held = Catalog.Reservations.Single(r => r.Value.Lines.Any(l => l.ProductId == good)).Key;
        (await PendingAsync(held)).ShouldNotBeNull().Holder.ShouldBe(self, "left pending by this process, which the sweeper leaves alone while it runs");
    }

    private FakeCatalog Catalog => fixture.Fakes.Catalog;

    private OrderSweeper Sweeper => fixture.Factory.Services.GetRequiredService<OrderSweeper>();

    private async Task<string> PlaceAsync(string product, string key)
    {
        var response = await OrderFixture.PlaceAsync(fixture.ClientFor(OrderFixture.NewCompany()), OrderFixture.Cart(new CartLineRequest(product, 10, null)), key);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (await response.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.Single().OrderId;
    }

    private async Task<PendingReservation?> PendingAsync(string orderId)
    {
        await using var db = fixture.CreateDb();
        return await db.PendingReservations.AsNoTracking().SingleOrDefaultAsync(r => r.OrderId == orderId);
    }

    private async Task AskedLongAgo(string orderId)
    {
        await using var db = fixture.CreateDb();
        var longAgo = DateTime.UtcNow.AddHours(-1);
        await db.Database.ExecuteSqlAsync($"UPDATE pending_reservations SET asked_at = {longAgo} WHERE order_id = {orderId}");
    }
}
