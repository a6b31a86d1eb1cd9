using System.Net.Http.Json;
using System.Text.Json;
using Grpc.Core;
using Hub.Contracts.Customs;
using Hub.Contracts.Payment;
using Hub.Contracts.Values;
using Hub.Payment.V1;
using Hub.Testing;

namespace Hub.Payment.Tests.Consumers;

/// <summary>
/// An import this hub cleared is charged its duties and taxes: to the buyer's wallet, or under DDP to the supplier's
/// share of the escrow (when it cannot bear them, to the supplier here or through its hub), into the hub's
/// duties-collected account — once.
/// </summary>
public sealed class ImportClearedConsumerTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task ImportCleared_BuyerIsImporter_ChargesTheWalletOnce_EvenBelowZero()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 1_050_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        var collectedBefore = await CollectedAsync();

        // Two deliveries of the clearance (a redelivery under another message id) charge once; the wallet held less.
        var cleared = Cleared(order, dutiesMinor: 30_000, taxesMinor: 66_300, importer: buyer);
        await host.PublishAsync(cleared, sourceHub: null);
        await host.PublishAsync(cleared, sourceHub: null);

        await Eventually.TrueAsync(async () => (await host.EventsAsync<DutiesCharged>(order.ToString())).Count == 1, TimeSpan.FromSeconds(20), "the duties are charged");
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(50_000 - 96_300);
        ((await CollectedAsync()) - collectedBefore).ShouldBe(96_300);
        (await host.PostingsAsync($"duties:{order}")).ShouldBe(1);
        var charged = (await host.EventsAsync<DutiesCharged>(order.ToString())).ShouldHaveSingleItem();
        charged.GetProperty("payer").GetString().ShouldBe(buyer.ToString());
        charged.GetProperty("chargedFrom").GetString().ShouldBe(DutiesCharged.FromWallet);
        charged.GetProperty("chargedMinor").GetInt64().ShouldBe(96_300);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);

        // The escrow is the supplier's, untouched; the wallet below zero secures nothing more.
        (await host.AccountsAsync(order.ToString()))["Escrow KRW"].ShouldBe(1_000_000);
        var quote = await host.QuoteAsync(buyer, "KRW", 1_000, "KRW");
        var refused = await Should.ThrowAsync<RpcException>(() => host.SecureAsync(Ids.Order(), buyer, supplier, quote));
        refused.StatusCode.ShouldBe(StatusCode.FailedPrecondition);
    }

    [Fact]
    public async Task ImportCleared_SupplierIsImporterUnderDdp_PaysOutOfTheEscrow_AndTheReleaseSettlesTheRest()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        var collectedBefore = await CollectedAsync();

        await host.PublishAsync(Cleared(order, dutiesMinor: 80_000, taxesMinor: 20_000, importer: supplier), sourceHub: null);

        await Eventually.TrueAsync(async () => (await host.AccountsAsync(order.ToString()))["Escrow KRW"] == 900_000, TimeSpan.FromSeconds(20), "the duties leave the escrow");
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(0);
        ((await CollectedAsync()) - collectedBefore).ShouldBe(100_000);
        var charged = (await host.EventsAsync<DutiesCharged>(order.ToString())).ShouldHaveSingleItem();
        charged.GetProperty("chargedFrom").GetString().ShouldBe(DutiesCharged.FromEscrow);
        charged.GetProperty("payer").GetString().ShouldBe(supplier.ToString());

        using var operators = host.Operator();
        var escrow = await operators.GetFromJsonAsync<JsonElement>($"/api/payment/escrows/{order}");
        escrow.GetProperty("dutiesPaid").GetProperty("minorUnits").GetInt64().ShouldBe(100_000);
        escrow.GetProperty("remaining").GetProperty("minorUnits").GetInt64().ShouldBe(900_000);

        // The supplier bears them: the release settles what remains, less the fee (200 bps).
        var released = await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });
        released.Released.MinorUnits.ShouldBe(900_000);
        released.Settled.MinorUnits.ShouldBe(900_000);
        released.PaidToSupplier.MinorUnits.ShouldBe(882_000);
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(882_000);
        (await host.AccountsAsync(order.ToString()))["Escrow KRW"].ShouldBe(0);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    [Fact]
    public async Task ImportCleared_UnderDdp_EscrowNotCoveringTheCharge_ChargesTheSupplierOfThisHubFromItsWallet()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 100_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 100_000, "KRW"));
        var collectedBefore = await CollectedAsync();

        await host.PublishAsync(Cleared(order, dutiesMinor: 60_000, taxesMinor: 40_000, importer: supplier), sourceHub: null);

        await Eventually.TrueAsync(async () => (await host.EventsAsync<DutiesCharged>(order.ToString())).Count == 1, TimeSpan.FromSeconds(20), "the duties are charged");
        var charged = (await host.EventsAsync<DutiesCharged>(order.ToString())).ShouldHaveSingleItem();
        charged.GetProperty("payer").GetString().ShouldBe(supplier.ToString());
        charged.GetProperty("chargedFrom").GetString().ShouldBe(DutiesCharged.FromWallet);
        charged.GetProperty("chargedMinor").GetInt64().ShouldBe(100_000);
        (await host.WalletAsync(supplier, "KRW")).ShouldBe(-100_000);
        (await host.AccountsAsync(order.ToString()))["Escrow KRW"].ShouldBe(100_000, "the escrow, which would have been emptied, is untouched");
        ((await CollectedAsync()) - collectedBefore).ShouldBe(100_000);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    [Fact]
    public async Task ImportCleared_UnderDdp_EscrowNotCoveringTheCharge_BillsTheSupplierOfAnotherHubThroughIt()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company("CN"), Ids.Order());
        await host.CreditAsync(buyer, 100_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 100_000, "KRW"));
        var owedBefore = (await host.AccountsAsync("CN")).GetValueOrDefault("PartnerHub KRW");
        var collectedBefore = await CollectedAsync();

        await host.PublishAsync(Cleared(order, dutiesMinor: 90_000, taxesMinor: 30_000, importer: supplier), sourceHub: null);

        await Eventually.TrueAsync(async () => (await host.EventsAsync<DutiesCharged>(order.ToString())).Count == 1, TimeSpan.FromSeconds(20), "the duties are charged");
        var charged = (await host.EventsAsync<DutiesCharged>(order.ToString())).ShouldHaveSingleItem();
        charged.GetProperty("chargedFrom").GetString().ShouldBe(DutiesCharged.FromSupplierHub);
        charged.GetProperty("chargedMinor").GetInt64().ShouldBe(120_000);
        var billed = (await host.EventsToHubAsync<SupplierDutiesBilled>(HubId.Parse("CN"), order.ToString())).ShouldHaveSingleItem();
        billed.GetProperty("supplierCompany").GetString().ShouldBe(supplier.ToString());
        billed.GetProperty("amountMinorUnits").GetInt64().ShouldBe(120_000);
        billed.GetProperty("currency").GetString().ShouldBe("KRW");
        billed.GetProperty("fromHub").GetString().ShouldBe("KR");
        // Hub CN owes them: a debit on its account, whose balance (credit-normal) falls.
        ((await host.AccountsAsync("CN")).GetValueOrDefault("PartnerHub KRW") - owedBefore).ShouldBe(-120_000);
        ((await CollectedAsync()) - collectedBefore).ShouldBe(120_000);
        (await host.AccountsAsync(order.ToString()))["Escrow KRW"].ShouldBe(100_000);
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);
    }

    [Fact]
    public async Task ImportCleared_NoEscrow_OrAStrangerAsImporter_TakesNothing()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 100_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 100_000, "KRW"));
        var (stranger, unknown) = (Ids.Company(), Ids.Order());
        var collectedBefore = await CollectedAsync();

        await host.PublishAsync(Cleared(unknown, 1_000, 1_000, importer: buyer), sourceHub: null);
        await host.PublishAsync(Cleared(order, 1_000, 1_000, importer: stranger), sourceHub: null);
        // The buyer's own import last: once it is charged and a second more has passed, the two above had their turn.
        await host.PublishAsync(Cleared(order, 2_000, 3_000, importer: buyer), sourceHub: null);

        await Eventually.TrueAsync(async () => (await host.EventsAsync<DutiesCharged>(order.ToString())).Count == 1, TimeSpan.FromSeconds(20), "the buyer's import is charged");
        await Task.Delay(TimeSpan.FromSeconds(1));
        var charged = (await host.EventsAsync<DutiesCharged>(order.ToString())).ShouldHaveSingleItem();
        charged.GetProperty("payer").GetString().ShouldBe(buyer.ToString());
        (await host.WalletAsync(stranger, "KRW")).ShouldBe(0);
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(-5_000);
        ((await CollectedAsync()) - collectedBefore).ShouldBe(5_000);
        (await host.EventsAsync<DutiesCharged>(unknown.ToString())).ShouldBeEmpty();
    }

    private static ImportCleared Cleared(OrderId order, long dutiesMinor, long taxesMinor, CompanyId importer) =>
        new(order.ToString(), $"{order}-IM", PaymentHost.Hub.ToString(), $"{order}-IM", "26KRIM0001", "KRW", dutiesMinor, taxesMinor, DateTime.UtcNow, importer.ToString());

    private async Task<long> CollectedAsync() => (await host.AccountsAsync(PaymentHost.Hub.ToString())).GetValueOrDefault("DutiesCollected KRW");
}
