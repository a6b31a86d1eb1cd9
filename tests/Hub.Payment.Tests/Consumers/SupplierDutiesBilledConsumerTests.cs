using Hub.Contracts.Payment;
using Hub.Testing;

namespace Hub.Payment.Tests.Consumers;

/// <summary>
/// A partner hub that paid an import's duties for one of this hub's suppliers (DDP, its escrow unable to bear them)
/// bills them here: the supplier is charged once, in this hub's currency, against what that hub is now owed.
/// </summary>
public sealed class SupplierDutiesBilledConsumerTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task SupplierDutiesBilled_ByTheHubThatOwnsTheOrder_ChargesTheSupplierConvertedOnce_OthersAreRefused()
    {
        var (supplier, order) = (Ids.Company(), Ids.Order("CN"));
        var owedBefore = (await host.AccountsAsync("CN")).GetValueOrDefault("PartnerHub CNY");
        // What a quote of the same amount prices it at: the hub's rate less the platform's margin, rounded up.
        var expected = (await host.QuoteAsync(supplier, "KRW", 1_250_00, "CNY")).Pay.MinorUnits;
        var bill = new SupplierDutiesBilled(order.ToString(), $"{order}-IM", supplier.ToString(), 1_250_00, "CNY", "CN", Guid.NewGuid(), DateTime.UtcNow);

        // Refused: a hub that is not the one it names, a hub that does not own the order, this hub's own bus, a supplier
        // of another hub.
        await host.PublishAsync(bill, sourceHub: "MY");
        await host.PublishAsync(bill with { FromHub = "MY" }, sourceHub: "MY");
        await host.PublishAsync(bill, sourceHub: null);
        await host.PublishAsync(bill with { SupplierCompany = Ids.Company("MY").ToString() }, sourceHub: "CN");
        await host.PublishAsync(bill, sourceHub: "CN");
        await host.PublishAsync(bill, sourceHub: "CN");

        await Eventually.TrueAsync(async () => await host.WalletAsync(supplier, "KRW") != 0, TimeSpan.FromSeconds(20), "the supplier is charged");
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(-expected);
        (await host.PostingsAsync($"duties:{order}")).ShouldBe(1);
        ((await host.AccountsAsync("CN")).GetValueOrDefault("PartnerHub CNY") - owedBefore).ShouldBe(1_250_00, "what this hub owes hub CN rises by it");
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }
}
