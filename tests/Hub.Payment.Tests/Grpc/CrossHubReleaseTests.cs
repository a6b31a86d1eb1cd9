using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.V1;

namespace Hub.Payment.Tests.Grpc;

/// <summary>Releasing an order's escrow to a supplier of another hub: that hub is owed the share and told so.</summary>
public sealed class CrossHubReleaseTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task Release_SupplierOfAnotherHub_OwesThatHubTheShareAndSendsItTheSettlement()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company("CN"), Ids.Order());
        await host.CreditAsync(buyer, 5_000_000, "KRW");
        var quote = await host.QuoteAsync(buyer, "KRW", 10_000_00, "CNY");
        await host.SecureAsync(order, buyer, supplier, quote);
        var owedBefore = (await host.AccountsAsync("CN")).GetValueOrDefault("PartnerHub CNY");

        var released = await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });

        released.PaidToSupplier.MinorUnits.ShouldBe(9_800_00);  // 10,000.00 CNY less the 200 bps fee
        ((await host.AccountsAsync("CN"))["PartnerHub CNY"] - owedBefore).ShouldBe(9_800_00);  // owed to hub CN
        (await host.WalletAsync(supplier, "CNY")).ShouldBe(0);
        (await host.AccountsAsync(supplier.ToString()))["SupplierReceivable CNY"].ShouldBe(0);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
        (await host.EventsAsync<EscrowReleased>(order.ToString())).Count.ShouldBe(1);
        (await host.EventsAsync<PayoutMade>(order.ToString())).ShouldBeEmpty();
        var sent = (await host.EventsToHubAsync<SupplierSettlementSent>(HubId.Parse("CN"), order.ToString())).ShouldHaveSingleItem();
        sent.GetProperty("amountMinorUnits").GetInt64().ShouldBe(9_800_00);
        sent.GetProperty("currency").GetString().ShouldBe("CNY");
        sent.GetProperty("fromHub").GetString().ShouldBe("KR");
    }

    [Fact]
    public async Task Release_Repeated_SendsTheSettlementOnce()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company("CN"), Ids.Order());
        await host.CreditAsync(buyer, 5_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_00, "CNY"));

        await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });
        var again = await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });

        again.Replayed.ShouldBeTrue();
        (await host.EventsToHubAsync<SupplierSettlementSent>(HubId.Parse("CN"), order.ToString())).Count.ShouldBe(1);
    }
}
