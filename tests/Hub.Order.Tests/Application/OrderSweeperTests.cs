using System.Net;
using System.Net.Http.Json;
using Hub.Order.Application;
using Hub.Order.Domain;
using Hub.Order.Endpoints;
using Hub.Order.Tests.Fakes;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Order.Tests.Application;

public class OrderSweeperTests(OrderFixture fixture) : IClassFixture<OrderFixture>
{
    [Fact]
    public async Task Sweep_OrderPastItsStepTimeout_FailsWithReasonAndReleasesStock()
    {
        var (buyer, order, product) = await PlaceAsync("key-sweep-fail");
        await fixture.OverdueAsync(order);

        var changed = await Sweeper.SweepAsync(CancellationToken.None);

        changed.ShouldBeGreaterThanOrEqualTo(1);
        var failed = await OrderFixture.GetAsync(buyer, order);
        failed.Status.ShouldBe("Failed");
        failed.FailureReason!.ShouldStartWith("timed out waiting in Placed");
        failed.DueBy.ShouldBeNull();
        fixture.Fakes.Catalog.Available(product).ShouldBe(100);
    }

    [Fact]
    public async Task Sweep_PlacedOrderWhoseFundsWereSecured_AsksPaymentForThemBack()
    {
        var (buyer, order, _) = await PlaceAsync("key-sweep-secured");
        fixture.Fakes.Payment.Secured.ShouldContainKey(order);
        await fixture.OverdueAsync(order);

        // The order timed out in Placed (its PaymentSecured still on its way): the escrow payment holds goes back.
        await Sweeper.SweepAsync(CancellationToken.None);

        (await OrderFixture.GetAsync(buyer, order)).Status.ShouldBe("Failed");
        fixture.Fakes.Payment.Refunds.ShouldContain(r => r.OrderId == order && r.IdempotencyKey == "order-failed");
    }

    [Fact]
    public async Task Sweep_DeliveredPastReceiptTime_ConfirmsReceiptAndReleasesEscrow()
    {
        var (buyer, order, _) = await PlaceAsync("key-sweep-receipt");
        await fixture.OverdueAsync(order, "Delivered");

        await Sweeper.SweepAsync(CancellationToken.None);

        var confirmed = await OrderFixture.GetAsync(buyer, order);
        confirmed.Status.ShouldBe("ReceiptConfirmed");
        confirmed.Timeline!.ShouldContain(t => t.Step == "ReceiptConfirmed" && t.Detail == "confirmed automatically");
        fixture.Fakes.Payment.Released.ShouldContain(order);
    }

    [Fact]
    public async Task Sweep_ReceiptConfirmedWhoseReleaseEventDidNotCome_CompletesTheOrder()
    {
        var (buyer, order, _) = await PlaceAsync("key-sweep-released");
        await fixture.OverdueAsync(order, "Delivered");
        await Sweeper.SweepAsync(CancellationToken.None);
        (await OrderFixture.GetAsync(buyer, order)).Status.ShouldBe("ReceiptConfirmed");

        // Payment released the escrow when the receipt was confirmed; its EscrowReleased never came.
        await fixture.OverdueAsync(order);
        await Sweeper.SweepAsync(CancellationToken.None);

        var completed = await OrderFixture.GetAsync(buyer, order);
        completed.Status.ShouldBe("Completed");
        fixture.Fakes.Payment.Refunds.ShouldNotContain(r => r.OrderId == order);
        await using var db = fixture.CreateDb();
        var completions = await db.OutboxMessages.Where(m => m.MessageType.StartsWith("Hub.Contracts.Order.OrderCompleted,")).Select(m => m.Body).ToListAsync();
        completions.Count(b => b.Contains(order, StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Sweep_ReceiptConfirmedWhosePayeeIsStillHeld_WaitsAnotherTimeoutWithoutFailing()
    {
        var (buyer, order, _) = await PlaceAsync("key-sweep-payee-held");
        fixture.Fakes.Payment.PayeeHeld[order] = true;
        await fixture.OverdueAsync(order, "Delivered");
        await Sweeper.SweepAsync(CancellationToken.None);
        (await OrderFixture.GetAsync(buyer, order)).Status.ShouldBe("ReceiptConfirmed");

        await fixture.OverdueAsync(order);
        await Sweeper.SweepAsync(CancellationToken.None);

        var waiting = await OrderFixture.GetAsync(buyer, order);
        waiting.Status.ShouldBe("ReceiptConfirmed");
        waiting.DueBy.ShouldNotBeNull();
        waiting.DueBy!.Value.ShouldBeGreaterThan(DateTime.UtcNow.AddDays(1), "asked again after another ReceiptConfirmed timeout");
        fixture.Fakes.Payment.Released.ShouldNotContain(order);
        fixture.Fakes.Payment.Refunds.ShouldNotContain(r => r.OrderId == order);
    }

    [Fact]
    public async Task Sweep_OrderWhoseCompensationCannotRun_IsTriedAgainAfterTheRetryDelay()
    {
        var (buyer, order, _) = await PlaceAsync("key-sweep-unreachable");
        await fixture.OverdueAsync(order);
        fixture.Fakes.Catalog.ReleaseUnavailable = true;
        try
        {
            await Sweeper.SweepAsync(CancellationToken.None);
        }
        finally
        {
            fixture.Fakes.Catalog.ReleaseUnavailable = false;
        }

        // Still Placed, and no longer at the head of the overdue orders.
        var waiting = await OrderFixture.GetAsync(buyer, order);
        waiting.Status.ShouldBe("Placed");
        waiting.DueBy.ShouldNotBeNull();
        waiting.DueBy.Value.ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(4));
    }

    [Fact]
    public async Task Sweep_OrderNotYetDue_ChangesNothing()
    {
        var (buyer, order, _) = await PlaceAsync("key-sweep-none");

        await Sweeper.SweepAsync(CancellationToken.None);

        (await OrderFixture.GetAsync(buyer, order)).Status.ShouldBe("Placed");
    }

    [Fact]
    public async Task RetryExportDeclarations_PaidOrderWhoseDeclarationDidNotGoThrough_LodgesItOnce()
    {
        var (buyer, order, _) = await PlaceAsync("key-sweep-export-retry");
        await PaidWithExportRetryDueAsync(order);

        var lodged = await Sweeper.RetryExportDeclarationsAsync(CancellationToken.None);
        var again = await Sweeper.RetryExportDeclarationsAsync(CancellationToken.None);

        lodged.ShouldBeGreaterThanOrEqualTo(1);
        again.ShouldBe(0);
        var declared = await OrderFixture.GetAsync(buyer, order);
        declared.Status.ShouldBe("PaymentSecured");
        declared.Timeline!.Count(t => t.Step == "ExportDeclared").ShouldBe(1);
        fixture.Fakes.Customs.Declarations.Count(d => d.OrderId == order && d.Type == Hub.Customs.V1.DeclarationType.Export).ShouldBe(1);
        (await fixture.ExportRetryAtAsync(order)).ShouldBeNull();
    }

    [Fact]
    public async Task RetryExportDeclarations_SupplierHubStillNotAnswering_TriesAgainAnHourLater()
    {
        var (buyer, order, _) = await PlaceAsync("key-sweep-export-down");
        await PaidWithExportRetryDueAsync(order);
        fixture.Fakes.Customs.AnswerLost[order] = true;
        try
        {
            await Sweeper.RetryExportDeclarationsAsync(CancellationToken.None);
        }
        finally
        {
            fixture.Fakes.Customs.AnswerLost.TryRemove(order, out _);
        }

        fixture.Fakes.Customs.Declarations.ShouldContain(d => d.OrderId == order, "the declaration was tried");
        var waiting = await OrderFixture.GetAsync(buyer, order);
        waiting.Status.ShouldBe("PaymentSecured");
        waiting.Timeline!.ShouldNotContain(t => t.Step == "ExportDeclared");
        (await fixture.ExportRetryAtAsync(order)).ShouldNotBeNull().ShouldBeGreaterThan(DateTime.UtcNow.AddMinutes(55));
    }

    [Fact]
    public async Task RetryExportDeclarations_OrderNotPaid_IsNotDeclared_ThePaidOneBesideItIs()
    {
        var (_, unpaid, _) = await PlaceAsync("key-sweep-export-unpaid");
        var (_, paid, _) = await PlaceAsync("key-sweep-export-paid");
        await using (var db = fixture.CreateDb())
        {
            var past = DateTime.UtcNow.AddMinutes(-1);
            await db.Database.ExecuteSqlAsync($"UPDATE orders SET export_retry_at = {past} WHERE id = {unpaid}");
        }

        await PaidWithExportRetryDueAsync(paid);

        await Sweeper.RetryExportDeclarationsAsync(CancellationToken.None);

        fixture.Fakes.Customs.Declarations.ShouldContain(d => d.OrderId == paid, "the same sweep lodges the paid order's declaration");
        fixture.Fakes.Customs.Declarations.ShouldNotContain(d => d.OrderId == unpaid);
    }

    [Fact]
    public async Task RemoveExpiredCheckouts_RemovesOnlyThosePastTheRetention()
    {
        var now = DateTime.UtcNow;
        Checkout Made(DateTime expiresAt) => new(Guid.CreateVersion7(), "KR-C-990001", new string('0', 64), "[]", expiresAt.AddMinutes(-15), expiresAt);
        var (old, recent, open) = (Made(now.AddDays(-2)), Made(now.AddHours(-1)), Made(now.AddMinutes(10)));
        await using (var db = fixture.CreateDb())
        {
            db.Checkouts.AddRange(old, recent, open);
            await db.SaveChangesAsync();
        }

        var removed = await Sweeper.RemoveExpiredCheckoutsAsync(CancellationToken.None);

        removed.ShouldBeGreaterThanOrEqualTo(1);
        await using var check = fixture.CreateDb();
        var ids = new[] { old.Id, recent.Id, open.Id };
        (await check.Checkouts.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync())
            .ShouldBe([recent.Id, open.Id], ignoreOrder: true, "expired a day ago or more goes; expired an hour ago is kept a while");
    }

    private OrderSweeper Sweeper => fixture.Factory.Services.GetRequiredService<OrderSweeper>();

    /// <summary>Makes the order PaymentSecured with its export declaration due to be tried again a minute ago.</summary>
    private async Task PaidWithExportRetryDueAsync(string order)
    {
        await using var db = fixture.CreateDb();
        var past = DateTime.UtcNow.AddMinutes(-1);
        await db.Database.ExecuteSqlAsync($"UPDATE orders SET status = 'PaymentSecured', export_retry_at = {past} WHERE id = {order}");
    }

    private async Task<(HttpClient Buyer, string OrderId, string ProductId)> PlaceAsync(string key)
    {
        var buyer = fixture.ClientFor(OrderFixture.NewCompany());
        var product = fixture.Fakes.Catalog.List(FakeCatalog.NewSupplier(), unitPriceMinor: 1200, available: 100);
        var response = await OrderFixture.PlaceAsync(buyer, OrderFixture.Cart(new CartLineRequest(product, 10, null)), key);
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = (await response.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.Single().OrderId;

        // Let the placement's own step (funds requested) finish, so the sweep does not race it.
        await Eventually.TrueAsync(async () => (await OrderFixture.GetAsync(buyer, order)).Timeline!.Any(t => t.Step == "FundsRequested"),
            TimeSpan.FromSeconds(20), "funds are requested");
        return (buyer, order, product);
    }
}
