using System.Net.Http.Json;
using System.Text.Json;
using Hub.Contracts.Logistics;
using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Testing;

namespace Hub.Payment.Tests.Consumers;

/// <summary>
/// A departure after the date the terms promised (15 days from securing, 50 bps a day late, at most 500 bps: the seed)
/// pays the buyer back out of the escrow, once; an on-time departure, or one from a hub the shipment did not leave, none.
/// </summary>
public sealed class DepartureConsumerTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task ShipmentDeparted_ThreeDaysLate_FromTheHubItLeft_PaysTheBuyer150BasisPointsOnce_AndTheReleaseSettlesTheRest()
    {
        var (buyer, supplier, order, onTime) = (Ids.Company(), Ids.Company(), Ids.Order(), Ids.Order());
        await host.CreditAsync(buyer, 2_000_000, "KRW");
        var securedAt = host.Clock.GetUtcNow().UtcDateTime;
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        // Secured five days later, the other order on the same shipment is due to depart five days later.
        host.Clock.Set(securedAt.AddDays(5));
        await host.SecureAsync(onTime, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        var late = Departed("CN", securedAt.AddDays(17).AddHours(2), order, onTime);

        // A copy that claims to leave CN but came from MY is refused; the genuine one counts once.
        await host.PublishAsync(late, sourceHub: "MY");
        await host.PublishAsync(late, sourceHub: "CN");
        await host.PublishAsync(late, sourceHub: "CN");
        await Eventually.TrueAsync(async () => (await host.EventsAsync<LateShipmentCompensated>(order.ToString())).Count == 1, TimeSpan.FromSeconds(20), "the buyer is compensated");

        // The next shipment of a split consignment, later still, earns nothing more: the first departure counts.
        await host.PublishAsync(Departed("CN", securedAt.AddDays(25), order), sourceHub: "CN");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var compensated = (await host.EventsAsync<LateShipmentCompensated>(order.ToString())).ShouldHaveSingleItem();
        compensated.GetProperty("daysLate").GetInt32().ShouldBe(3);
        compensated.GetProperty("compensationMinorUnits").GetInt64().ShouldBe(15_000);
        compensated.GetProperty("buyerCompany").GetString().ShouldBe(buyer.ToString());
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(15_000);
        (await host.AccountsAsync(order.ToString()))["Escrow KRW"].ShouldBe(985_000);
        (await host.EventsAsync<LateShipmentCompensated>(onTime.ToString())).ShouldBeEmpty("departed before its 15 days ran out");
        (await host.PostingsAsync($"refund:{order}:late-shipment")).ShouldBe(1);

        using var operators = host.Operator();
        var escrow = await operators.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}");
        escrow.GetProperty("shipBy").GetDateTime().ToUniversalTime().ShouldBe(securedAt.AddDays(15), TimeSpan.FromSeconds(1));
        (await host.EventsAsync<PaymentSecured>(order.ToString())).ShouldHaveSingleItem().GetProperty("shipBy").GetDateTime().ToUniversalTime()
            .ShouldBe(escrow.GetProperty("shipBy").GetDateTime().ToUniversalTime(), TimeSpan.FromMilliseconds(1), "the order is told the promise");
        escrow.GetProperty("departedAt").GetDateTime().ToUniversalTime().ShouldBe(late.DepartedAt, TimeSpan.FromSeconds(1));
        escrow.GetProperty("remaining").GetProperty("minorUnits").GetInt64().ShouldBe(985_000);

        // The supplier bears it: the release settles what remains, less the fee (200 bps).
        var released = await host.Grpc.ReleaseAsync(new V1.ReleaseRequest { OrderId = order.ToString() });
        released.Released.MinorUnits.ShouldBe(985_000);
        released.PaidToSupplier.MinorUnits.ShouldBe(965_300);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    private static ShipmentDeparted Departed(string origin, DateTime at, params OrderId[] orders) =>
        new(Guid.NewGuid(), $"MB-{Guid.NewGuid():N}", origin, PaymentHost.Hub.ToString(), "Sea", [.. orders.Select(o => $"CS-{o}")], [.. orders.Select(o => o.ToString())], at);
}
