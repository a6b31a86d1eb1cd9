using System.Net.Http.Json;
using System.Text.Json;
using Hub.Contracts.Values;
using Hub.Payment.Application;
using Hub.Payment.Data;
using Hub.Payment.V1;
using Hub.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Payment.Tests;

/// <summary>The payment service on a database and virtual host of its own (per test class), with a movable clock.</summary>
public sealed class PaymentHost : IAsyncLifetime
{
    private InProcessService<PaymentDbContext>? _service;

    public SettableClock Clock { get; } = new();

    /// <summary>The denied-party screening each release asks for first.</summary>
    internal FakePayeeScreening Screening { get; } = new();

    public V1.Payment.PaymentClient Grpc => new(Service.Channel);

    public V1.PartnerDisputes.PartnerDisputesClient PartnerDisputes => new(Service.Channel);

    public static HubId Hub { get; } = HubId.Parse("KR");

    private InProcessService<PaymentDbContext> Service => _service ?? throw new InvalidOperationException("Not initialized.");

    public async Task InitializeAsync() =>
        _service = await InProcessService<PaymentDbContext>.StartAsync("Payment", new Dictionary<string, string?>
        {
            ["Payment:AutoRelease:Interval"] = "00:00:00.200",
            // Checkpoints taken all the time: every test's balances are read across them.
            ["Payment:LedgerCheckpoint:Interval"] = "00:00:00.250",
            ["Hub:Currency"] = "KRW",
        }, s => s.AddSingleton<TimeProvider>(Clock).AddSingleton<IPayeeScreening>(Screening));

    public async Task DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }
    }

    public HttpClient Client(string? token = null) => Service.Client(token);

    public HttpClient Operator() => Client(TestSecurity.Operator(Hub));

    public HttpClient Sme(CompanyId company) => Client(TestSecurity.Sme(company));

    public PaymentDbContext Db() => Service.Db();

    /// <summary>Takes the ledger's checkpoint now, beside the one the service takes at its interval.</summary>
    public async Task<long> CheckpointAsync()
    {
        await using var scope = Service.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LedgerCheckpointer>().TakeAsync(CancellationToken.None);
    }

    /// <summary>Credits test money through the operator API.</summary>
    public async Task CreditAsync(CompanyId company, long minorUnits, string currency)
    {
        using var client = Operator();
        var response = await client.PostAsJsonAsync($"/api/payment/wallets/{company}/credits",
            new { amount = new { minorUnits, currency }, idempotencyKey = Guid.NewGuid().ToString() });
        response.EnsureSuccessStatusCode();
    }

    public async Task<FxQuote> QuoteAsync(CompanyId buyer, string payCurrency, long settlementMinorUnits, string settlementCurrency) =>
        await Grpc.QuoteFxAsync(new QuoteFxRequest
        {
            BuyerCompany = buyer.ToString(),
            PayCurrency = payCurrency,
            Settlement = new V1.Money { MinorUnits = settlementMinorUnits, Currency = settlementCurrency },
        });

    public async Task<SecureFundsReply> SecureAsync(OrderId order, CompanyId buyer, CompanyId supplier, FxQuote quote, string supplierName = "") =>
        await Grpc.SecureFundsAsync(new SecureFundsRequest
        {
            OrderId = order.ToString(),
            BuyerCompany = buyer.ToString(),
            SupplierCompany = supplier.ToString(),
            Amount = quote.Pay,
            QuoteId = quote.QuoteId,
            SupplierName = supplierName,
        });

    /// <summary>A wallet's balance in minor units, read through the operator API (0 when it has none).</summary>
    public async Task<long> WalletAsync(CompanyId company, string currency)
    {
        using var client = Operator();
        var wallet = await client.GetFromJsonAsync<JsonElement>($"/api/payment/wallets/{company}");
        return wallet.GetProperty("balances").EnumerateArray()
            .Where(b => b.GetProperty("currency").GetString() == currency)
            .Select(b => b.GetProperty("minorUnits").GetInt64())
            .SingleOrDefault();
    }

    /// <summary>Balances of every account of <paramref name="owner"/>, keyed "Kind CUR".</summary>
    public async Task<Dictionary<string, long>> AccountsAsync(string owner)
    {
        using var client = Operator();
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/payment/ledger/accounts?owner={owner}&limit=1000");
        return page.GetProperty("accounts").EnumerateArray().ToDictionary(
            a => $"{a.GetProperty("kind").GetString()} {a.GetProperty("balance").GetProperty("currency").GetString()}",
            a => a.GetProperty("balance").GetProperty("minorUnits").GetInt64());
    }

    public async Task<int> PostingsAsync(string keyPart)
    {
        await using var db = Db();
        return await db.Postings.CountAsync(p => p.IdempotencyKey.Contains(keyPart));
    }

    /// <summary>
    /// Publishes <paramref name="message"/> on this hub's bus as the gateway does for a partner hub's message, with the
    /// verified sender in the source-hub header (none when <paramref name="sourceHub"/> is null).
    /// </summary>
    public Task PublishAsync<T>(T message, string? sourceHub, Guid? messageId = null) where T : class =>
        Service.PublishAsync(message, sourceHub, messageId);

    /// <summary>Outbox rows addressed to a partner hub's bus (<c>hub://XX</c>) of a type that mention <paramref name="text"/>.</summary>
    public async Task<List<JsonElement>> EventsToHubAsync<T>(HubId hub, string text)
    {
        await using var db = Db();
        var destination = new Uri($"hub://{hub}").ToString();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.Contains(typeof(T).FullName!) && m.Destination == destination).ToListAsync();
        return messages.Where(m => m.Body.Contains(text, StringComparison.Ordinal)).Select(m => JsonDocument.Parse(m.Body).RootElement.Clone()).ToList();
    }

    /// <summary>Events in the outbox for this hub's bus of a type that mention <paramref name="text"/>.</summary>
    public async Task<List<JsonElement>> EventsAsync<T>(string text)
    {
        await using var db = Db();
        var messages = await db.OutboxMessages.AsNoTracking().Where(m => m.MessageType.Contains(typeof(T).FullName!) && m.Destination == null).ToListAsync();
        return messages.Where(m => m.Body.Contains(text, StringComparison.Ordinal)).Select(m => JsonDocument.Parse(m.Body).RootElement.Clone()).ToList();
    }

    /// <summary>Debits minus credits per currency over the whole ledger; every value must be zero.</summary>
    public async Task<Dictionary<string, decimal>> TrialBalanceAsync()
    {
        await using var db = Db();
        return await db.PostingLines.GroupBy(l => l.Currency).Select(g => new { g.Key, Net = g.Sum(l => l.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Net);
    }
}
