using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Testing;

namespace Hub.Payment.Tests.Consumers;

/// <summary>A partner hub's settlement for one of this hub's suppliers, arriving through the gateway.</summary>
public sealed class SupplierSettlementConsumerTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task Settlement_FromThePartnerItNames_CreditsTheSupplierHereAndPublishesPayoutMade()
    {
        var (supplier, order) = (Ids.Company(), new OrderId(HubId.Parse("CN"), Random.Shared.Next(1, 999_999)));
        var owedBefore = (await host.AccountsAsync("CN")).GetValueOrDefault("PartnerHub KRW");

        await host.PublishAsync(Settlement(order, supplier, 1_323_000), sourceHub: "CN");

        await WalletReachesAsync(supplier, 1_323_000);
        ((await host.AccountsAsync("CN"))["PartnerHub KRW"] - owedBefore).ShouldBe(-1_323_000);  // hub CN owes us
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
        var payout = (await host.EventsAsync<PayoutMade>($"release:{order}")).ShouldHaveSingleItem();
        payout.GetProperty("payeeCompany").GetString().ShouldBe(supplier.ToString());
        payout.GetProperty("amountMinorUnits").GetInt64().ShouldBe(1_323_000);
        payout.GetProperty("currency").GetString().ShouldBe("KRW");
    }

    [Fact]
    public async Task Settlement_SentTwiceUnderDifferentMessageIds_CreditsOnce()
    {
        var (supplier, order) = (Ids.Company(), new OrderId(HubId.Parse("CN"), Random.Shared.Next(1, 999_999)));

        await host.PublishAsync(Settlement(order, supplier, 500_000), sourceHub: "CN");
        await host.PublishAsync(Settlement(order, supplier, 500_000), sourceHub: "CN");
        await WalletReachesAsync(supplier, 500_000);
        await Task.Delay(TimeSpan.FromSeconds(1));

        (await host.WalletAsync(supplier, "KRW")).ShouldBe(500_000);
        (await host.PostingsAsync($"release:{order}")).ShouldBe(1);
        (await host.EventsAsync<PayoutMade>($"release:{order}")).Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("MY")]
    public async Task Settlement_NotFromTheHubItNames_CreditsNothing(string? sourceHub)
    {
        var (supplier, order) = (Ids.Company(), new OrderId(HubId.Parse("CN"), Random.Shared.Next(1, 999_999)));
        var witness = Ids.Company();

        await host.PublishAsync(Settlement(order, supplier, 700_000), sourceHub);
        await host.PublishAsync(Settlement(new OrderId(HubId.Parse("CN"), Random.Shared.Next(1, 999_999)), witness, 1), sourceHub: "CN");
        await WalletReachesAsync(witness, 1);
        await Task.Delay(TimeSpan.FromSeconds(1));  // consumers run concurrently: the refused message may finish after the witness

        (await host.WalletAsync(supplier, "KRW")).ShouldBe(0);
        (await host.PostingsAsync($"release:{order}")).ShouldBe(0);
    }

    [Fact]
    public async Task Settlement_FromTheHubItNames_ForAnOrderAnotherHubOwns_CreditsNothing()
    {
        var (supplier, order) = (Ids.Company(), new OrderId(HubId.Parse("MY"), Random.Shared.Next(1, 999_999)));
        var witness = Ids.Company();

        await host.PublishAsync(Settlement(order, supplier, 900_000), sourceHub: "CN");
        await host.PublishAsync(Settlement(new OrderId(HubId.Parse("CN"), Random.Shared.Next(1, 999_999)), witness, 1), sourceHub: "CN");
        await WalletReachesAsync(witness, 1);
        await Task.Delay(TimeSpan.FromSeconds(1));

        (await host.WalletAsync(supplier, "KRW")).ShouldBe(0, "only the hub that owns the order releases its escrow");
        (await host.PostingsAsync($"release:{order}")).ShouldBe(0);
    }

    private static SupplierSettlementSent Settlement(OrderId order, CompanyId supplier, long minorUnits) =>
        new(order.ToString(), supplier.ToString(), minorUnits, "KRW", "CN", Guid.NewGuid(), DateTime.UtcNow);

    // Messages on one queue are handled in order at the default concurrency only loosely, so each test waits on what it expects.
    private Task WalletReachesAsync(CompanyId company, long minorUnits) =>
        Eventually.TrueAsync(async () => await host.WalletAsync(company, "KRW") == minorUnits, TimeSpan.FromSeconds(20), $"{company}'s wallet holds {minorUnits}");
}
