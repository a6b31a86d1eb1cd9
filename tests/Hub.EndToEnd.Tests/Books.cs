using System.Text.Json.Nodes;
using Hub.Story;
using Hub.Testing;

namespace Hub.EndToEnd.Tests;

/// <summary>What a hub's operator reads back after a story: wallets, statements, the trial balance, declarations, claims.</summary>
internal sealed class Books(GatewayClient hub, Session op)
{
    public static async Task<Books> OpenAsync(GatewayClient hub, StoryUser op) => new(hub, await hub.SignInAsync(op, CancellationToken.None));

    /// <summary>The company's wallet statement in one currency: its lines (signed minor units) and balance.</summary>
    public async Task<(IReadOnlyList<(string Description, long Amount)> Lines, long Balance)> StatementAsync(string company, string currency)
    {
        var statement = await hub.GetAsync(op, $"/api/payment/wallets/{company}/statement?currency={currency}", CancellationToken.None);
        var lines = statement["lines"]!.AsArray()
            .Select(l => (l!["description"]!.GetValue<string>(), l["amount"]!["minorUnits"]!.GetValue<long>())).ToList();
        return (lines, statement["balance"]!["minorUnits"]!.GetValue<long>());
    }

    /// <summary>
    /// The company's wallet line for an order's import duties and taxes (signed minor units), once payment has charged
    /// them: it does so on the import's clearance, beside the order's own steps, so the line is waited for.
    /// </summary>
    public async Task<long> DutiesLineAsync(string company, string currency, string orderId, TimeSpan timeout)
    {
        long? line = null;
        await Eventually.TrueAsync(async () =>
        {
            var (lines, _) = await StatementAsync(company, currency);
            line = lines.Where(l => l.Description.StartsWith($"Order {orderId}: import duties", StringComparison.Ordinal)).Select(l => (long?)l.Amount).SingleOrDefault();
            return line is not null;
        }, timeout, $"{company}'s {currency} statement has the import duties line of order {orderId}");
        return line!.Value;
    }

    /// <summary>Debits less credits per currency over the hub's whole ledger (its trial balance): zero for each currency when the books balance.</summary>
    public async Task<IReadOnlyDictionary<string, long>> TrialBalanceAsync()
    {
        var currencies = (await hub.GetAsync(op, "/api/payment/ledger/trial-balance", CancellationToken.None))["currencies"]!.AsArray();
        return currencies.ToDictionary(
            c => c!["currency"]!.GetValue<string>(),
            c => c!["debits"]!["minorUnits"]!.GetValue<long>() - c["credits"]!["minorUnits"]!.GetValue<long>());
    }

    public async Task<IReadOnlyList<JsonNode>> DeclarationsAsync(string orderId, string type) =>
        [.. (await hub.GetAsync(op, $"/api/customs/declarations?orderId={orderId}", CancellationToken.None)).AsArray()
            .Where(d => d!["orderId"]!.GetValue<string>() == orderId && d["type"]!.GetValue<string>() == type).Select(d => d!)];

    public async Task<IReadOnlyList<JsonNode>> ClaimsAsync(string orderId) =>
        [.. (await hub.GetAsync(op, $"/api/tax-refund/claims?orderId={orderId}", CancellationToken.None)).AsArray()
            .Where(c => c!["orderId"]!.GetValue<string>() == orderId).Select(c => c!)];

    public async Task<IReadOnlyList<JsonNode>> ConsignmentsAsync(string orderId) =>
        [.. (await hub.GetAsync(op, "/api/logistics/consignments", CancellationToken.None)).AsArray()
            .Where(c => c!["orderId"]!.GetValue<string>() == orderId).Select(c => c!)];

    public Task<JsonNode> EscrowAsync(string orderId) => hub.GetAsync(op, $"/api/payment/escrows/{orderId}", CancellationToken.None);

    public Task<JsonNode> TariffAsync(string hs) => hub.GetAsync(op, $"/api/customs/tariffs/lookup?hub={hub.Hub}&hs={hs}", CancellationToken.None);

    public Task<JsonNode> GetAsync(string path) => hub.GetAsync(op, path, CancellationToken.None);

    public Task<JsonNode> PostAsync(string path, object? body) => hub.PostAsync(op, path, body, CancellationToken.None);

    public Task<JsonNode> PutAsync(string path, object body) => hub.SendAsync(HttpMethod.Put, path, op, body, null, CancellationToken.None);
}
