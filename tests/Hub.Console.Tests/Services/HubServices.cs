extern alias order;
extern alias payment;
extern alias taxrefund;

using System.Net.Http.Headers;
using System.Net.Http.Json;
using Grpc.Net.Client;
using Hub.Console.Tests.Fakes;
using Hub.Contracts.Values;
using Hub.Customs.Data;
using Hub.Testing;
using MassTransit;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OrderDbContext = order::Hub.Order.Data.OrderDbContext;
using PaymentDbContext = payment::Hub.Payment.Data.PaymentDbContext;
using TaxRefundDbContext = taxrefund::Hub.TaxRefund.Data.TaxRefundDbContext;

namespace Hub.Console.Tests.Services;

/// <summary>
/// The real Order, Customs, Payment and TaxRefund services of hub KR, in-process, each on a database and virtual host of
/// its own; the fake gateway routes <c>/api/order</c>, <c>/api/customs</c>, <c>/api/payment</c> and <c>/api/tax-refund</c>
/// to them. The tests create their data through the services' own APIs (the order service places orders against fake
/// gRPC dependencies).
/// </summary>
internal sealed class HubServices : IAsyncDisposable
{
    private static long _next = Random.Shared.Next(1, 900_000) * 1_000L;
    private readonly List<IAsyncDisposable> _owned = [];

    private HubServices()
    {
    }

    public WebApplicationFactory<OrderDbContext> Order { get; private set; } = null!;

    public OrderDependencies OrderDependencies { get; private set; } = null!;

    public WebApplicationFactory<CustomsDbContext> Customs { get; private set; } = null!;

    public WebApplicationFactory<PaymentDbContext> Payment { get; private set; } = null!;

    public WebApplicationFactory<TaxRefundDbContext> TaxRefund { get; private set; } = null!;

    /// <summary>Payment's clock, moved on so that disputes can be escalated without waiting out the negotiation.</summary>
    public MovableClock PaymentClock { get; } = new();

    public Hub.Customs.V1.Customs.CustomsClient CustomsGrpc { get; private set; } = null!;

    public payment::Hub.Payment.V1.Payment.PaymentClient PaymentGrpc { get; private set; } = null!;

    public static async Task<HubServices> StartAsync(FakeHub hub)
    {
        var services = new HubServices();
        services.OrderDependencies = await OrderDependencies.StartAsync();
        services._owned.Add(services.OrderDependencies);
        var dependencies = services.OrderDependencies.Address;
        var order = services.HostAsync<OrderDbContext>("order", "Order", new Dictionary<string, string?>
        {
            ["Services:Catalog:Grpc"] = dependencies,
            ["Services:Payment:Grpc"] = dependencies,
            ["Services:Customs:Grpc"] = dependencies,
            ["Services:Logistics:Grpc"] = dependencies,
            ["Hub:Currency"] = "KRW",
        });
        var customs = services.HostAsync<CustomsDbContext>("customs", "Customs", new Dictionary<string, string?>());
        var payment = services.HostAsync<PaymentDbContext>("payment", "Payment", new Dictionary<string, string?> { ["Payment:AutoRelease:Enabled"] = "false" },
            s => s.AddSingleton<TimeProvider>(services.PaymentClock)
                // Payees are screened by the hub's own customs service, in-process here, before a release.
                .AddSingleton(_ => new payment::Hub.Customs.V1.Customs.CustomsClient(services.Channel(services.Customs))));

        // Payouts of approved refunds go nowhere: an approved claim stays Approved (the payout is retried from the console).
        var taxRefund = services.HostAsync<TaxRefundDbContext>("taxrefund", "TaxRefund", new Dictionary<string, string?>
        {
            ["Services:Payment:Grpc"] = FakeHub.ClosedAddress(),
            ["TaxRefund:AutoFile"] = "false",
        });
        services.Order = await order;
        services.Customs = await customs;
        services.Payment = await payment;
        services.TaxRefund = await taxRefund;
        services.CustomsGrpc = new(services.Channel(services.Customs));
        services.PaymentGrpc = new(services.Channel(services.Payment));
        hub.Route("order", services.Order.CreateClient());
        hub.Route("customs", services.Customs.CreateClient());
        hub.Route("payment", services.Payment.CreateClient());
        hub.Route("tax-refund", services.TaxRefund.CreateClient());
        return services;
    }

    public static CompanyId NewCompany() => new(HubId.KR, Interlocked.Increment(ref _next));

    public static OrderId NewOrder() => new(HubId.KR, Interlocked.Increment(ref _next));

    public static HttpClient Operator<T>(WebApplicationFactory<T> service)
        where T : class => WithToken(service.CreateClient(), TestSecurity.Operator(HubId.KR));

    public static HttpClient Sme<T>(WebApplicationFactory<T> service, CompanyId company)
        where T : class => WithToken(service.CreateClient(), TestSecurity.Sme(company));

    /// <summary>Credits a new buyer <paramref name="krw"/> KRW minor units and secures them in escrow for a new order of a new supplier.</summary>
    public async Task<(OrderId Order, CompanyId Buyer, CompanyId Supplier)> SecureEscrowAsync(long krw, string supplierName = "")
    {
        var (buyer, supplier, order) = (NewCompany(), NewCompany(), NewOrder());
        using (var op = Operator(Payment))
        {
            (await op.PostAsJsonAsync($"/api/payment/wallets/{buyer}/credits",
                new { amount = new { minorUnits = krw, currency = "KRW" }, idempotencyKey = Guid.NewGuid().ToString() })).EnsureSuccessStatusCode();
        }

        var quote = await PaymentGrpc.QuoteFxAsync(new payment::Hub.Payment.V1.QuoteFxRequest
        {
            BuyerCompany = buyer.ToString(), PayCurrency = "KRW", Settlement = new payment::Hub.Payment.V1.Money { MinorUnits = krw, Currency = "KRW" },
        });
        await PaymentGrpc.SecureFundsAsync(new payment::Hub.Payment.V1.SecureFundsRequest
        {
            OrderId = order.ToString(), BuyerCompany = buyer.ToString(), SupplierCompany = supplier.ToString(), Amount = quote.Pay, QuoteId = quote.QuoteId,
            SupplierName = supplierName,
        });
        return (order, buyer, supplier);
    }

    /// <summary>Publishes an event on TaxRefund's bus, as another service would.</summary>
    public Task PublishToTaxRefundAsync<T>(T message)
        where T : class => TaxRefund.Services.GetRequiredService<IBus>().Publish(message);

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in Enumerable.Reverse(_owned))
        {
            await owned.DisposeAsync();
        }
    }

    private async Task<WebApplicationFactory<T>> HostAsync<T>(string database, string name, Dictionary<string, string?> settings, Action<IServiceCollection>? services = null)
        where T : Hub.ServiceDefaults.Data.ServiceDbContext
    {
        var db = await TestDatabase.CreateAsync(database);
        _owned.Add(db);
        await db.MigrateAsync<T>();
        var vhost = await TestVirtualHost.CreateAsync();
        _owned.Add(vhost);
        var root = new ServiceFactory<T>(name, db, vhost, settings);
        _owned.Add(root);
        WebApplicationFactory<T> factory = services is null ? root : root.WithWebHostBuilder(b => b.ConfigureTestServices(services));
        if (!ReferenceEquals(factory, root))
        {
            _owned.Add(factory);
        }

        using var client = factory.CreateClient();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(60), $"{name} is ready");
        return factory;
    }

    private GrpcChannel Channel<T>(WebApplicationFactory<T> service)
        where T : class
    {
        var channel = GrpcChannel.ForAddress(service.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = service.Server.CreateHandler() });
        _owned.Add(new Disposer(channel.Dispose));
        return channel;
    }

    private static HttpClient WithToken(HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private sealed class Disposer(Action dispose) : IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            dispose();
            return ValueTask.CompletedTask;
        }
    }
}

/// <summary>The system clock, moved forward on demand.</summary>
internal sealed class MovableClock : TimeProvider
{
    private long _offsetTicks;

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));

    public void Advance(TimeSpan by) => Interlocked.Add(ref _offsetTicks, by.Ticks);
}
