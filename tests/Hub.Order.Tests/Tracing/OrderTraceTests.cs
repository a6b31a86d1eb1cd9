extern alias payment;

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hub.Gateway.Federation;
using Hub.Order.Data;
using Hub.Order.Endpoints;
using Hub.Order.Tests.Fakes;
using Hub.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using PaymentDbContext = payment::Hub.Payment.Data.PaymentDbContext;

namespace Hub.Order.Tests.Tracing;

/// <summary>
/// One request is one trace across the hub: a buyer's cancellation enters through the gateway, is handled by the order
/// service on its own Kestrel endpoint, and its <c>OrderCancelled</c> event travels through the outbox and RabbitMQ to
/// the payment service's consumer — every hop carries the caller's trace id.
/// </summary>
public sealed class OrderTraceTests : IAsyncLifetime
{
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly ActivityListener _listener;
    private FakeDependencies _fakes = null!;
    private TestDatabase _orderDb = null!;
    private TestDatabase _paymentDb = null!;
    private TestVirtualHost _vhost = null!;
    private ServiceFactory<OrderDbContext> _order = null!;
    private ServiceFactory<PaymentDbContext> _payment = null!;
    private GatewayHost _gateway = null!;

    public OrderTraceTests()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
        ActivitySource.AddActivityListener(_listener);
    }

    public async Task InitializeAsync()
    {
        _fakes = await FakeDependencies.StartAsync();
        (_orderDb, _paymentDb, _vhost) = (await TestDatabase.CreateAsync("order"), await TestDatabase.CreateAsync("payment"), await TestVirtualHost.CreateAsync());
        await _orderDb.MigrateAsync<OrderDbContext>();
        await _paymentDb.MigrateAsync<PaymentDbContext>();

        var orderHttp = TestPorts.FreeAddress();
        var orderSettings = _fakes.Settings.ToDictionary();
        orderSettings["Services:Order:Http"] = orderHttp;
        orderSettings["Services:Order:Grpc"] = TestPorts.FreeAddress();
        _order = new ServiceFactory<OrderDbContext>("Order", _orderDb, _vhost, orderSettings);
        _order.UseKestrel();
        _order.StartServer();
        _payment = new ServiceFactory<PaymentDbContext>("Payment", _paymentDb, _vhost);
        _ = _payment.Server;

        var gatewaySettings = new Dictionary<string, string?> { ["Hub:Id"] = "KR" };
        foreach (var name in new[] { "Gateway", "Catalog", "Order", "Customs", "Logistics", "Payment", "TaxRefund", "Console" })
        {
            gatewaySettings[$"Services:{name}:Http"] = TestPorts.FreeAddress();
            gatewaySettings[$"Services:{name}:Grpc"] = TestPorts.FreeAddress();
        }

        gatewaySettings["Services:Order:Http"] = orderHttp;
        _gateway = new GatewayHost(gatewaySettings);
        _ = _gateway.Server;
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _gateway.DisposeAsync();
        await _payment.DisposeAsync();
        await _order.DisposeAsync();
        await _vhost.DisposeAsync();
        await _paymentDb.DisposeAsync();
        await _orderDb.DisposeAsync();
        await _fakes.DisposeAsync();
    }

    [Fact]
    public async Task CancelThroughTheGateway_OrderServiceAndPaymentConsumer_ShareTheCallersTraceId()
    {
        var buyer = OrderFixture.NewCompany();
        using var client = _gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", TestSecurity.Sme(buyer));
        var product = _fakes.Catalog.List(FakeCatalog.NewSupplier(), 1000, 100);
        var placed = await OrderFixture.PlaceAsync(client, OrderFixture.Cart(new CartLineRequest(product, 10, null)), "trace-key");
        placed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var order = (await placed.Content.ReadFromJsonAsync<PurchaseResponse>())!.Orders.Single().OrderId;
        await Eventually.TrueAsync(async () => (await OrderFixture.GetAsync(client, order)).Timeline!.Any(t => t.Step == "FundsRequested"),
            TimeSpan.FromSeconds(20), "the order asked payment for the funds");

        var trace = ActivityTraceId.CreateRandom();
        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/order/orders/{order}/cancel");
        cancel.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        var cancelled = await client.SendAsync(cancel);
        cancelled.StatusCode.ShouldBe(HttpStatusCode.OK, await cancelled.Content.ReadAsStringAsync());

        await Eventually.TrueAsync(() => Task.FromResult(InTrace(trace).Any(IsPaymentConsumer)), TimeSpan.FromSeconds(30),
            "the payment service's consumer handled OrderCancelled in the caller's trace");
        var spans = InTrace(trace).ToList();
        spans.ShouldContain(a => a.Source.Name.StartsWith("Yarp", StringComparison.Ordinal), "the gateway forwarded the request");
        spans.Count(a => a.Kind == ActivityKind.Server && Tag(a, "url.path") == $"/api/order/orders/{order}/cancel")
            .ShouldBe(2, "the gateway's server span and the order service's, behind it");
        spans.ShouldContain(a => a.Kind == ActivityKind.Producer, "the outbox relay published OrderCancelled in the trace");
        spans.ShouldContain(a => Tag(a, "order.id") == order, "a trace UI finds the order's traces by its id");
    }

    private IEnumerable<Activity> InTrace(ActivityTraceId trace) => _activities.Where(a => a.TraceId == trace);

    private static bool IsPaymentConsumer(Activity activity) =>
        activity.Kind == ActivityKind.Consumer && activity.TagObjects.Any(t => t.Value?.ToString()?.Contains("OrderEndedConsumer", StringComparison.Ordinal) == true);

    private static string? Tag(Activity activity, string name) => activity.GetTagItem(name)?.ToString();

    /// <summary>The gateway of hub KR in memory, its services at the addresses given.</summary>
    private sealed class GatewayHost(IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<HubAnswer>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            foreach (var (key, value) in TestSecurity.Settings().Concat(settings))
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
