using Hub.Contracts.Logistics;
using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Testing;

namespace Hub.Payment.Tests.Consumers;

/// <summary>
/// A departed shipment's freight share is booked once: this hub's own departure charges its supplier's wallet or bills
/// the buyer's hub; a partner's departure billed to a buyer of this hub is charged to the buyer in this hub's currency.
/// </summary>
public sealed class FreightBilledConsumerTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task FreightBilled_SupplierOfThisHub_ChargesItsWalletOnce_EvenBelowZero()
    {
        var (supplier, order, consignment) = (Ids.Company(), Ids.Order("CN"), Ids.Consignment());
        await host.CreditAsync(supplier, 10_000, "KRW");
        var payableBefore = await PayableAsync("KRW");
        var bill = Bill(order, consignment, supplier, 38_475, "KRW");

        // Two deliveries of the bill (a redelivery under another message id) charge once; the wallet held less.
        await host.PublishAsync(bill, sourceHub: null);
        await host.PublishAsync(bill, sourceHub: null);

        await Eventually.TrueAsync(async () => (await host.EventsAsync<FreightCharged>(consignment.ToString())).Count == 1, TimeSpan.FromSeconds(20), "the freight is charged");
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(10_000 - 38_475);
        ((await PayableAsync("KRW")) - payableBefore).ShouldBe(38_475);
        (await host.PostingsAsync($"freight:{bill.ShipmentId}:{consignment}")).ShouldBe(1);
        var charged = (await host.EventsAsync<FreightCharged>(consignment.ToString())).ShouldHaveSingleItem();
        charged.GetProperty("payerCompany").GetString().ShouldBe(supplier.ToString());
        charged.GetProperty("chargedMinorUnits").GetInt64().ShouldBe(38_475);
        charged.GetProperty("chargedCurrency").GetString().ShouldBe("KRW");
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    [Fact]
    public async Task FreightBilled_BuyerOfAnotherHub_IsOwedByThatHub_AndChargesNoWalletHere()
    {
        var (buyer, order, consignment) = (Ids.Company("CN"), Ids.Order("CN"), Ids.Consignment());
        var owedBefore = (await host.AccountsAsync("CN")).GetValueOrDefault("PartnerHub KRW");
        var payableBefore = await PayableAsync("KRW");

        await host.PublishAsync(Bill(order, consignment, buyer, 120_000, "KRW"), sourceHub: null);

        await Eventually.TrueAsync(async () => await PayableAsync("KRW") - payableBefore == 120_000, TimeSpan.FromSeconds(20), "the freight is billed to hub CN");
        // Hub CN owes it: a debit on its account, whose balance (credit-normal) falls.
        ((await host.AccountsAsync("CN")).GetValueOrDefault("PartnerHub KRW") - owedBefore).ShouldBe(-120_000);
        (await host.EventsAsync<FreightCharged>(consignment.ToString())).ShouldBeEmpty();
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    [Fact]
    public async Task FreightBilled_ByThePartnerItShippedFrom_ForABuyerOfThisHub_ChargesTheBuyerConverted_AgainstWhatThisHubOwes()
    {
        var (buyer, order, consignment) = (Ids.Company(), Ids.Order(), Ids.Consignment("CN"));
        var owedBefore = (await host.AccountsAsync("CN")).GetValueOrDefault("PartnerHub CNY");
        // What a quote of the same amount prices it at: the hub's rate less the platform's margin, rounded up.
        var expected = (await host.QuoteAsync(buyer, "KRW", 480_00, "CNY")).Pay.MinorUnits;
        var bill = Bill(order, consignment, buyer, 480_00, "CNY");

        // Refused: the bill from a hub the consignment did not ship from, and one for an order this hub does not own.
        await host.PublishAsync(bill, sourceHub: "MY");
        var foreign = Bill(Ids.Order("CN"), Ids.Consignment("CN"), buyer, 480_00, "CNY");
        await host.PublishAsync(foreign, sourceHub: "CN");
        await host.PublishAsync(bill, sourceHub: "CN");
        await host.PublishAsync(bill, sourceHub: "CN");

        await Eventually.TrueAsync(async () => (await host.EventsAsync<FreightCharged>(consignment.ToString())).Count == 1, TimeSpan.FromSeconds(20), "the buyer is charged");
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(-expected);
        ((await host.AccountsAsync("CN")).GetValueOrDefault("PartnerHub CNY") - owedBefore).ShouldBe(480_00);
        var charged = (await host.EventsAsync<FreightCharged>(consignment.ToString())).ShouldHaveSingleItem();
        charged.GetProperty("chargedMinorUnits").GetInt64().ShouldBe(expected);
        charged.GetProperty("chargedCurrency").GetString().ShouldBe("KRW");
        charged.GetProperty("billedMinorUnits").GetInt64().ShouldBe(480_00);
        charged.GetProperty("billedCurrency").GetString().ShouldBe("CNY");
        (await host.PostingsAsync($"freight:{bill.ShipmentId}:{consignment}")).ShouldBe(1);
        (await host.PostingsAsync($"freight:{foreign.ShipmentId}:")).ShouldBe(0);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    [Fact]
    public async Task FreightBilled_ByAPartnerForItsOwnSupplier_IsNotThisHubs()
    {
        var (supplier, order, consignment) = (Ids.Company("CN"), Ids.Order(), Ids.Consignment("CN"));
        var bill = Bill(order, consignment, supplier, 480_00, "CNY");

        await host.PublishAsync(bill, sourceHub: "CN");
        // A bill of this hub's own published after it: once that one is booked, and a second more, the partner's was consumed.
        var marker = Bill(Ids.Order("CN"), Ids.Consignment(), Ids.Company(), 1_000, "KRW");
        await host.PublishAsync(marker, sourceHub: null);

        await Eventually.TrueAsync(async () => (await host.PostingsAsync($"freight:{marker.ShipmentId}:")) == 1, TimeSpan.FromSeconds(20), "the marker is charged");
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await host.PostingsAsync($"freight:{bill.ShipmentId}:")).ShouldBe(0);
    }

    private static FreightBilled Bill(OrderId order, ConsignmentId consignment, CompanyId payer, long minorUnits, string currency) =>
        new(Guid.NewGuid(), $"MB-{consignment}", consignment.ToString(), order.ToString(), payer.ToString(), minorUnits, currency, DateTime.UtcNow);

    private async Task<long> PayableAsync(string currency) => (await host.AccountsAsync(PaymentHost.Hub.ToString())).GetValueOrDefault($"FreightPayable {currency}");
}
