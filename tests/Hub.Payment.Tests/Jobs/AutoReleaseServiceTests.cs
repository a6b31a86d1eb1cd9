using System.Net.Http.Json;
using Hub.Contracts.Order;
using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Tests.Jobs;

public sealed class AutoReleaseServiceTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Sweep_ConfirmationPeriodAfterDeliveryRanOut_ReleasesTheEscrowAutomatically_GoodsOnTheirWayNever()
    {
        using var client = host.Operator();
        (await client.PutAsJsonAsync("/api/payment/terms", new { fxMarginBps = 50, platformFeeBps = 200, quoteLockSeconds = 900, autoReleaseDays = 3 })).EnsureSuccessStatusCode();
        var (buyer, supplier) = (Ids.Company(), Ids.Company());
        var (due, buyerHasLonger, inTransit) = (Ids.Order(), Ids.Order(), Ids.Order());
        await host.CreditAsync(buyer, 3_000_000, "KRW");
        foreach (var order in new[] { due, buyerHasLonger, inTransit })
        {
            await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        }

        // Weeks on the way: no clock releases goods that were not delivered.
        host.Clock.Advance(TimeSpan.FromDays(30));
        await Task.Delay(1000);
        (await host.EventsAsync<EscrowReleased>(supplier.ToString())).ShouldBeEmpty();

        var delivered = host.Clock.GetUtcNow().UtcDateTime;
        await DeliverAsync(due, buyer, confirmBy: delivered.AddDays(1));
        await DeliverAsync(buyerHasLonger, buyer, confirmBy: delivered.AddDays(5));
        (await DueAtAsync(due))!.Value.ShouldBe(delivered.AddDays(3), TimeSpan.FromSeconds(5));
        (await DueAtAsync(buyerHasLonger))!.Value.ShouldBe(delivered.AddDays(5), TimeSpan.FromMilliseconds(1));
        (await DueAtAsync(inTransit)).ShouldBeNull();

        host.Clock.Advance(TimeSpan.FromDays(3.5));

        await Eventually.TrueAsync(async () => (await host.EventsAsync<EscrowReleased>(due.ToString())).Count == 1, Wait, "the due escrow is released");
        (await host.EventsAsync<EscrowReleased>(due.ToString())).Single().GetProperty("automatic").GetBoolean().ShouldBeTrue();
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(980_000);
        await Task.Delay(500);
        (await host.EventsAsync<EscrowReleased>(buyerHasLonger.ToString())).ShouldBeEmpty();
        (await host.EventsAsync<EscrowReleased>(inTransit.ToString())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Delivery_RepeatedLater_KeepsTheFirstDueDate()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        var delivered = host.Clock.GetUtcNow().UtcDateTime;
        await DeliverAsync(order, buyer, confirmBy: delivered.AddDays(40));

        var repeat = Guid.NewGuid();
        await host.PublishAsync(new ReceiptRequested(order.ToString(), buyer.ToString(), delivered.AddDays(90)), sourceHub: null, repeat);
        await Eventually.TrueAsync(async () =>
        {
            await using var db = host.Db();
            return await db.InboxMessages.AnyAsync(m => m.MessageId == repeat);
        }, Wait, "the repeated delivery is handled");

        (await DueAtAsync(order))!.Value.ShouldBe(delivered.AddDays(40), TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task Sweep_AnEscrowThatCannotBeReleased_IsSkippedAndTheOthersDueAreReleased()
    {
        var (buyer, supplier, broken, due) = (Ids.Company(), Ids.Company(), Ids.Order(), Ids.Order());
        await host.CreditAsync(buyer, 2_000_000, "KRW");
        await host.SecureAsync(broken, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        await host.SecureAsync(due, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        var now = host.Clock.GetUtcNow().UtcDateTime;
        await DeliverAsync(broken, buyer, confirmBy: now.AddDays(1));
        await DeliverAsync(due, buyer, confirmBy: now.AddDays(2));
        await using (var db = host.Db())
        {
            // A row the release cannot read: it falls due first, before the other.
            await db.Database.ExecuteSqlAsync($"UPDATE escrows SET supplier_company = 'not-a-company' WHERE order_id = {broken.ToString()}");
        }

        host.Clock.Advance(TimeSpan.FromDays(30));

        await Eventually.TrueAsync(async () => (await host.EventsAsync<EscrowReleased>(due.ToString())).Count == 1, Wait, "the escrow due after the broken one is released");
        (await host.EventsAsync<EscrowReleased>(broken.ToString())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sweep_PayeeOnTheDeniedPartyList_IsHeldOnce_AndLeftForTheOperators()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        var payee = $"Sweep Listed Trading {Guid.NewGuid():N}";
        host.Screening.Deny(payee);
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"), payee);
        await DeliverAsync(order, buyer, confirmBy: host.Clock.GetUtcNow().UtcDateTime.AddDays(1));

        host.Clock.Advance(TimeSpan.FromDays(30));

        await Eventually.TrueAsync(async () => (await host.EventsAsync<EscrowReleaseHeld>(order.ToString())).Count == 1, Wait, "the due release is held");
        await Task.Delay(1000);
        host.Screening.Screened.Count(s => s == payee).ShouldBe(1, "a held escrow is no longer due for the sweep");
        (await host.EventsAsync<EscrowReleased>(order.ToString())).ShouldBeEmpty();
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(0);
    }

    // The order service's event on delivery; the escrow's due date shows it was taken.
    private async Task DeliverAsync(OrderId order, CompanyId buyer, DateTime confirmBy)
    {
        await host.PublishAsync(new ReceiptRequested(order.ToString(), buyer.ToString(), confirmBy), sourceHub: null);
        await Eventually.TrueAsync(async () => await DueAtAsync(order) is not null, Wait, $"the delivery of {order} is taken");
    }

    private async Task<DateTime?> DueAtAsync(OrderId order)
    {
        await using var db = host.Db();
        return await db.Escrows.AsNoTracking().Where(e => e.OrderId == order.ToString()).Select(e => e.ReleaseDueAt).SingleAsync();
    }
}
