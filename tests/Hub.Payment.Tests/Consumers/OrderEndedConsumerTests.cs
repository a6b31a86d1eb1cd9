using Hub.Contracts.Order;
using Hub.Contracts.Payment;
using Hub.Payment.V1;
using Hub.Testing;

namespace Hub.Payment.Tests.Consumers;

/// <summary>A cancelled or failed order's escrow goes back to the buyer on the order's event, once.</summary>
public sealed class OrderEndedConsumerTests(PaymentHost host) : IClassFixture<PaymentHost>
{
    [Fact]
    public async Task OrderCancelled_SecuredEscrow_RefundsTheBuyerOnceUnderTheOrdersKey()
    {
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        await host.CreditAsync(buyer, 3_000_000, "KRW");
        await host.SecureAsync(order, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));

        var cancelled = new OrderCancelled(order.ToString(), buyer.ToString(), "buyer", DateTime.UtcNow);
        await host.PublishAsync(cancelled, sourceHub: null);
        await host.PublishAsync(cancelled, sourceHub: null);

        await Eventually.TrueAsync(async () => await host.WalletAsync(buyer, "KRW") == 3_000_000, TimeSpan.FromSeconds(20), "the buyer is refunded");
        await Task.Delay(TimeSpan.FromSeconds(1));
        (await host.WalletAsync(buyer, "KRW")).ShouldBe(3_000_000);
        var refund = (await host.EventsAsync<PaymentRefunded>(order.ToString())).ShouldHaveSingleItem();
        refund.GetProperty("refundKey").GetString().ShouldBe("order-cancelled");
        refund.GetProperty("fullyRefunded").GetBoolean().ShouldBeTrue();
        (await host.TrialBalanceAsync()).Values.ShouldAllBe(net => net == 0);

        // The order service asking for the same refund afterwards finds it done.
        var replay = await host.Grpc.RefundAsync(new RefundRequest { OrderId = order.ToString(), IdempotencyKey = "order-cancelled" });
        replay.Replayed.ShouldBeTrue();
    }

    [Fact]
    public async Task OrderFailed_ReleasedOrUnpaidOrders_ChangeNothing()
    {
        var (buyer, supplier, released, unpaid) = (Ids.Company(), Ids.Company(), Ids.Order(), Ids.Order());
        await host.CreditAsync(buyer, 1_000_000, "KRW");
        await host.SecureAsync(released, buyer, supplier, await host.QuoteAsync(buyer, "KRW", 1_000_000, "KRW"));
        await host.Grpc.ReleaseAsync(new ReleaseRequest { OrderId = released.ToString() });
        var witness = (Buyer: Ids.Company(), Order: Ids.Order());
        await host.CreditAsync(witness.Buyer, 500_000, "KRW");
        await host.SecureAsync(witness.Order, witness.Buyer, supplier, await host.QuoteAsync(witness.Buyer, "KRW", 500_000, "KRW"));

        await host.PublishAsync(new OrderFailed(released.ToString(), buyer.ToString(), "ReceiptConfirmed", "late", DateTime.UtcNow), sourceHub: null);
        await host.PublishAsync(new OrderFailed(unpaid.ToString(), buyer.ToString(), "Placed", "payment failed", DateTime.UtcNow), sourceHub: null);
        await host.PublishAsync(new OrderFailed(witness.Order.ToString(), witness.Buyer.ToString(), "Departed", "import rejected", DateTime.UtcNow), sourceHub: null);
        await Eventually.TrueAsync(async () => await host.WalletAsync(witness.Buyer, "KRW") == 500_000, TimeSpan.FromSeconds(20), "the witness order is refunded");
        await Task.Delay(TimeSpan.FromSeconds(1));

        (await host.WalletAsync(buyer, "KRW")).ShouldBe(0);
        (await host.EventsAsync<PaymentRefunded>(released.ToString())).ShouldBeEmpty();
        (await host.EventsAsync<PaymentRefunded>(unpaid.ToString())).ShouldBeEmpty();
        (await host.EventsAsync<PaymentRefunded>(witness.Order.ToString())).ShouldHaveSingleItem().GetProperty("refundKey").GetString().ShouldBe("order-failed");
    }
}
