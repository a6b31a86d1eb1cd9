using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grpc.Net.Client;
using Hub.Contracts.Customs;
using Hub.Contracts.Logistics;
using Hub.Payment.Application;
using Hub.Payment.Data;
using Hub.Payment.V1;
using Hub.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Payment.Tests.Observability;

public sealed class PaymentMetricsTests
{
    [Fact]
    public async Task Metrics_SecuringAndReleasingCrossCurrency_MoveEscrowBalanceAndFxPosition()
    {
        await using var database = await TestDatabase.CreateAsync("payment");
        await database.MigrateAsync<PaymentDbContext>();
        await using var vhost = await TestVirtualHost.CreateAsync();
        await using var host = new ServiceFactory<PaymentDbContext>("Payment", database, vhost, new Dictionary<string, string?>
        {
            ["Payment:AutoRelease:Enabled"] = "false",
            ["Metrics:GaugeRefresh"] = "00:00:00.200",
            // The ledger's checkpoint taken once at start, then only when the test takes it.
            ["Payment:LedgerCheckpoint:Interval"] = "01:00:00",
        }, s => s.AddSingleton<IPayeeScreening>(new FakePayeeScreening()));
        using var channel = GrpcChannel.ForAddress(host.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = host.Server.CreateHandler() });
        var grpc = new V1.Payment.PaymentClient(channel);
        using var meter = new OwnMeter(host.Services);
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());
        using (var op = host.CreateClient())
        {
            op.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSecurity.Operator(PaymentHost.Hub));
            (await op.PostAsJsonAsync($"/api/payment/wallets/{buyer}/credits",
                new { amount = new { minorUnits = 2_000_00, currency = "USD" }, idempotencyKey = Guid.NewGuid().ToString() })).EnsureSuccessStatusCode();
        }

        var quote = await grpc.QuoteFxAsync(new QuoteFxRequest
        {
            BuyerCompany = buyer.ToString(), PayCurrency = "USD", Settlement = new V1.Money { MinorUnits = 1_350_000, Currency = "KRW" },
        });
        await grpc.SecureFundsAsync(new SecureFundsRequest
        {
            OrderId = order.ToString(), BuyerCompany = buyer.ToString(), SupplierCompany = supplier.ToString(), Amount = quote.Pay, QuoteId = quote.QuoteId,
        });

        var held = (double)quote.Pay.MinorUnits / 100;
        await Eventually.TrueAsync(() => Task.FromResult(meter.Observe("hub.escrow.balance", ("currency", "USD")) == held),
            TimeSpan.FromSeconds(20), $"the escrow balance in USD is {held}");

        await grpc.ReleaseAsync(new ReleaseRequest { OrderId = order.ToString() });

        await Eventually.TrueAsync(() => Task.FromResult(meter.Observe("hub.escrow.balance", ("currency", "USD")) == 0),
            TimeSpan.FromSeconds(20), "the released escrow no longer counts");
        meter.Observe("hub.fx.position", ("currency", "USD")).ShouldBe(held);
        meter.Observe("hub.fx.position", ("currency", "KRW")).ShouldBe(-1_350_000);

        // The import's duties, charged to a buyer holding no KRW, are collected for the customs authority and owed by it.
        await host.Services.GetRequiredService<IBus>().Publish(
            new ImportCleared(order.ToString(), $"{order}-IM", "KR", "LRN", "MRN", "KRW", 30_000, 20_000, DateTime.UtcNow, buyer.ToString()));
        await Eventually.TrueAsync(() => Task.FromResult(meter.Observe("hub.duties.collected", ("currency", "KRW")) == 50_000),
            TimeSpan.FromSeconds(20), "the duties collected are KRW 50,000");
        meter.Observe("hub.wallets.owed", ("currency", "KRW")).ShouldBe(50_000);
        meter.Observe("hub.wallets.owed", ("currency", "USD")).ShouldBeNull();

        // A departed shipment's freight, billed to the same buyer (its carriage, under FOB), is owed to the carriers, and
        // by the buyer to the hub.
        await host.Services.GetRequiredService<IBus>().Publish(
            new FreightBilled(Guid.NewGuid(), "MB-1", Ids.Consignment().ToString(), order.ToString(), buyer.ToString(), 7_000, "KRW", DateTime.UtcNow));
        await Eventually.TrueAsync(() => Task.FromResult(meter.Observe("hub.freight.payable", ("currency", "KRW")) == 7_000),
            TimeSpan.FromSeconds(20), "the freight payable is KRW 7,000");
        meter.Observe("hub.wallets.owed", ("currency", "KRW")).ShouldBe(57_000);

        // The lines written since the checkpoint taken at start are read one by one, until a checkpoint folds them in.
        (meter.Observe("hub.ledger.lines.after_checkpoint") ?? 0).ShouldBeGreaterThanOrEqualTo(10);
        var before = meter.Observe("hub.ledger.checkpoint.taken");
        // Taken again until it folds everything: a transaction of another test still open holds the mark back a moment.
        await Eventually.TrueAsync(async () =>
        {
            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<LedgerCheckpointer>().TakeAsync(CancellationToken.None);
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            return meter.Observe("hub.ledger.lines.after_checkpoint") == 0;
        }, TimeSpan.FromSeconds(20), "every line is folded into the checkpoint");
        meter.Observe("hub.ledger.checkpoint.taken")!.Value.ShouldBeGreaterThanOrEqualTo(before ?? 0);
        meter.Observe("hub.ledger.checkpoint.taken")!.Value.ShouldBe(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 60);
    }
}
