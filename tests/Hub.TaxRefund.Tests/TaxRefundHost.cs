using System.Text.Json;
using Hub.Contracts.Values;
using Hub.TaxRefund.Data;
using Hub.TaxRefund.Tests.Fakes;
using Hub.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.TaxRefund.Tests;

/// <summary>The tax-refund service (hub KR) on a database and virtual host of its own, paying through a fake payment service.</summary>
public class TaxRefundHost : IAsyncLifetime
{
    private InProcessService<TaxRefundDbContext>? _service;

    public static HubId Hub { get; } = HubId.Parse("KR");

    public FakePayment Payment { get; private set; } = null!;

    /// <summary>Whether the hub files Ready claims itself (<c>TaxRefund:AutoFile</c>); off so tests can file by hand.</summary>
    protected virtual bool AutoFile => false;

    private InProcessService<TaxRefundDbContext> Service => _service ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync()
    {
        Payment = await FakePayment.StartAsync();
        _service = await InProcessService<TaxRefundDbContext>.StartAsync("TaxRefund", new Dictionary<string, string?>
        {
            ["Services:Payment:Grpc"] = Payment.Address,
            ["TaxRefund:AutoFile"] = AutoFile ? "true" : "false",
        });
        using var client = Service.Client();
        await Eventually.TrueAsync(async () => (await client.GetAsync("/health/ready")).IsSuccessStatusCode, TimeSpan.FromSeconds(30), "the service is ready");
    }

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        await Payment.DisposeAsync();
    }

    public HttpClient Client(string? token = null) => Service.Client(token);

    public HttpClient Operator() => Client(TestSecurity.Operator(Hub));

    public HttpClient Sme(CompanyId company) => Client(TestSecurity.Sme(company));

    public TaxRefundDbContext Db() => Service.Db();

    /// <summary>Publishes an event onto the test virtual host, as the service that owns it would.</summary>
    public Task PublishAsync<T>(T message) where T : class => Service.PublishAsync(message);

    /// <summary>Publishes a message as the gateway does for a partner hub's, naming the hub it came from.</summary>
    public Task PublishFromHubAsync<T>(T message, string sourceHub, Guid messageId) where T : class => Service.PublishAsync(message, sourceHub, messageId);

    /// <summary>Publishes an event of any contract type, by its runtime type.</summary>
    public Task PublishObjectAsync(object message) => Service.Services.GetRequiredService<IBus>().Publish(message);

    /// <summary>Events in the outbox of a type that mention <paramref name="text"/>.</summary>
    public async Task<List<JsonElement>> EventsAsync<T>(string text)
    {
        await using var db = Db();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.Contains(typeof(T).FullName!)).ToListAsync();
        return messages.Where(m => m.Body.Contains(text, StringComparison.Ordinal)).Select(m => JsonDocument.Parse(m.Body).RootElement.Clone()).ToList();
    }
}
