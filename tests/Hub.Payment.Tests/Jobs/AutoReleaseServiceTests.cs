using System.Net.Http.Json;
using Hub.Contracts.Payment;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hub.Payment.Tests.Jobs;

public sealed class AutoReleaseServiceTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task Sweep_ConfirmationPeriodRanOut_ReleasesTheEscrowAutomatically()
    {
        using var client = host.Operator();
        (await client.PutAsJsonAsync("/api/payment/terms", new { fxMarginBps = 50, platformFeeBps = 200, quoteLockSeconds = 900, autoReleaseDays = 3 })).EnsureSuccessStatusCode();
        var (buyer, supplier, due, notDue) = (Ids.Company(), Ids.Company(), Ids.Order(), Ids.Order());
        await host.CreditAsync(buyer, 2_000_000, "KRW");
        await host.SecureAsync(due, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));

        host.Clock.Advance(TimeSpan.FromDays(2));
        await host.SecureAsync(notDue, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        host.Clock.Advance(TimeSpan.FromDays(1.5));

        await Eventually.TrueAsync(async () => (await host.EventsAsync<EscrowReleased>(due.ToString())).Count == 1, TimeSpan.FromSeconds(10), "the due escrow is released");
        (await host.EventsAsync<EscrowReleased>(due.ToString())).Single().GetProperty("automatic").GetBoolean().ShouldBeTrue();
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(980_000);
        await Task.Delay(500);
        (await host.EventsAsync<EscrowReleased>(notDue.ToString())).ShouldBeEmpty();
    }

    [Fact]
    public async Task Sweep_AnEscrowThatCannotBeReleased_IsSkippedAndTheOthersDueAreReleased()
    {
        var (buyer, supplier, broken, due) = (Ids.Company(), Ids.Company(), Ids.Order(), Ids.Order());
        await host.CreditAsync(buyer, 2_000_000, "KRW");
        await host.SecureAsync(broken, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        await host.SecureAsync(due, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        await using (var db = host.Db())
        {
            // A row the release cannot read: it falls due first, before the other.
            await db.Database.ExecuteSqlAsync($"UPDATE escrows SET supplier_company = 'not-a-company' WHERE order_id = {broken.ToString()}");
        }

        host.Clock.Advance(TimeSpan.FromDays(30));

        await Eventually.TrueAsync(async () => (await host.EventsAsync<EscrowReleased>(due.ToString())).Count == 1, TimeSpan.FromSeconds(10), "the escrow due after the broken one is released");
        (await host.EventsAsync<EscrowReleased>(broken.ToString())).ShouldBeEmpty();
    }
}
