using System.Net.Http.Json;
using Grpc.Net.Client;
using Hub.Contracts.Values;
using Hub.Order.Data;
using Hub.Order.Endpoints;
using Hub.Order.Tests.Fakes;
using Hub.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;

namespace Hub.Order.Tests;

/// <summary>
/// One migrated database, virtual host, set of fake gRPC dependencies and in-process order service (hub KR) per test
/// class. Tests own their data by using companies, suppliers and products nobody else uses.
/// </summary>
public class OrderFixture : IAsyncLifetime
{
    private static int _companies;
    private InProcessService<OrderDbContext>? _service;

    internal FakeDependencies Fakes { get; private set; } = null!;

    internal WebApplicationFactory<OrderDbContext> Factory => Service.Host;

    internal GrpcChannel Channel => Service.Channel;

    private InProcessService<OrderDbContext> Service => _service ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        Fakes = await FakeDependencies.StartAsync();
        var settings = Fakes.Settings.ToDictionary();
        settings["Order:Timeouts:Placed"] = "00:30:00";
        settings["Order:Timeouts:Delivered"] = "7.00:00:00";
        settings["Order:SweepInterval"] = "01:00:00";
        settings["Order:PlacementKeyWait"] = "00:00:02";
        settings["Order:PlacementKeyRetryAfter"] = "00:00:03";
        // CN is a partner its companies may give mandates to (no gateway: nothing is sent there).
        settings["Partners:CN:Name"] = "Hub China";
        Configure(settings);
        _service = await InProcessService<OrderDbContext>.StartAsync("Order", settings);
    }

    /// <summary>Settings a derived fixture adds or changes before the service starts.</summary>
    /// <param name="settings">The service's settings so far.</param>
    protected virtual void Configure(IDictionary<string, string?> settings)
    {
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        await Fakes.DisposeAsync();
    }

    internal OrderDbContext CreateDb() => Service.Db();

    /// <summary>Makes the order's current step (or <paramref name="status"/>, set too) due a minute ago.</summary>
    internal async Task OverdueAsync(string order, string? status = null)
    {
        await using var db = CreateDb();
        var due = DateTime.UtcNow.AddMinutes(-1);
        await db.Database.ExecuteSqlAsync($"UPDATE orders SET due_by = {due}, status = COALESCE({status}, status) WHERE id = {order}");
    }

    /// <summary>When the order's export declaration is due to be tried again by the sweeper.</summary>
    internal async Task<DateTime?> ExportRetryAtAsync(string order)
    {
        await using var db = CreateDb();
        return await db.Orders.Where(o => o.Id == order).Select(o => o.ExportRetryAt).SingleAsync();
    }

    /// <summary>A company no other test uses.</summary>
    internal static CompanyId NewCompany() => CompanyId.Parse($"KR-C-{Interlocked.Increment(ref _companies) + 100:000000}");

    internal HttpClient ClientFor(CompanyId company) => Service.Client(TestSecurity.Sme(company));

    internal HttpClient OperatorClient() => Service.Client(TestSecurity.Operator(HubId.KR));

    /// <summary>Publishes an event on the test virtual host, as another service would.</summary>
    internal Task PublishAsync<T>(T message)
        where T : class => Service.PublishAsync(message);

    /// <summary>Publishes an event as the gateway does for a partner hub's message, naming the hub it came from.</summary>
    internal Task PublishFromHubAsync<T>(T message, string sourceHub, Guid messageId)
        where T : class => Service.PublishAsync(message, sourceHub, messageId);

    /// <summary>Waits until the service's consumer has taken the message (it is in the inbox, whatever it did).</summary>
    internal Task WaitHandledAsync(Guid messageId) =>
        Eventually.TrueAsync(async () =>
        {
            await using var db = CreateDb();
            return await db.InboxMessages.AnyAsync(m => m.MessageId == messageId);
        }, TimeSpan.FromSeconds(20), $"message {messageId} is handled");

    internal static CartRequest Cart(params CartLineRequest[] lines) => new("FOB", "Busan port", "SEA", lines);

    internal static async Task<HttpResponseMessage> PlaceAsync(HttpClient client, CartRequest cart, string? key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/order/orders") { Content = JsonContent.Create(cart) };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }

        return await client.SendAsync(request);
    }

    internal static async Task<OrderResponse> GetAsync(HttpClient client, string orderId)
    {
        var response = await client.GetAsync($"/api/order/orders/{orderId}");
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<OrderResponse>())!;
    }

    internal static async Task<OrderResponse> WaitForAsync(HttpClient client, string orderId, string status)
    {
        OrderResponse? last = null;
        await Eventually.TrueAsync(async () => (last = await GetAsync(client, orderId)).Status == status, TimeSpan.FromSeconds(20), $"order {orderId} is {status}");
        return last!;
    }
}
