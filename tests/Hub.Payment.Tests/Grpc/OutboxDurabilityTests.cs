using Grpc.Net.Client;
using Hub.Contracts.Payment;
using Hub.Payment.Application;
using Hub.Payment.Data;
using Hub.Payment.V1;
using Hub.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Payment.Tests.Grpc;

public sealed class OutboxDurabilityTests
{
    [Fact]
    public async Task SecureFunds_ProcessDiesAfterCommit_EventIsPublishedByTheNextProcess()
    {
        await using var database = await TestDatabase.CreateAsync("payment");
        await database.MigrateAsync<PaymentDbContext>();
        await using var vhost = await TestVirtualHost.CreateAsync();
        var (buyer, supplier, order) = (Ids.Company(), Ids.Company(), Ids.Order());

        // The first process commits the posting and its event but never relays it: it dies first.
        await using (var dying = new ServiceFactory<PaymentDbContext>("Payment", database, vhost, new Dictionary<string, string?> { ["Messaging:Outbox:Enabled"] = "false" }, Fakes))
        {
            using var channel = GrpcChannel.ForAddress(dying.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = dying.Server.CreateHandler() });
            var client = new V1.Payment.PaymentClient(channel);
            await client.PayoutAsync(new PayoutRequest { Reference = "seed-" + order, PayeeCompany = buyer.ToString(), Amount = new V1.Money { MinorUnits = 100_000, Currency = "KRW" } });
            var quote = await client.QuoteFxAsync(new QuoteFxRequest { BuyerCompany = buyer.ToString(), PayCurrency = "KRW", Settlement = new V1.Money { MinorUnits = 100_000, Currency = "KRW" } });
            await client.SecureFundsAsync(new SecureFundsRequest { OrderId = order.ToString(), BuyerCompany = buyer.ToString(), SupplierCompany = supplier.ToString(), Amount = quote.Pay, QuoteId = quote.QuoteId });
        }

        (await PendingAsync(database)).ShouldContain(type => type.StartsWith(typeof(PaymentSecured).FullName + ",", StringComparison.Ordinal));

        // The next process (relay on) finds the committed event and publishes it.
        await using var next = new ServiceFactory<PaymentDbContext>("Payment", database, vhost, testServices: Fakes);
        _ = next.Server;
        await Eventually.TrueAsync(async () => (await PendingAsync(database)).Count == 0, TimeSpan.FromSeconds(20), "the relay of the next process published the pending events");
    }

    private static void Fakes(IServiceCollection services) => services.AddSingleton<IPayeeScreening>(new FakePayeeScreening());

    private static async Task<List<string>> PendingAsync(TestDatabase database)
    {
        await using var db = database.CreateContext<PaymentDbContext>();
        return await db.OutboxMessages.Where(m => m.SentAt == null).Select(m => m.MessageType).ToListAsync();
    }
}
