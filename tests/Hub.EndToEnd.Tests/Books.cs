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
    public Task<long> DutiesLineAsync(string company, string currency, string orderId, TimeSpan timeout) =>
        LineAsync(company, currency, $"Order {orderId}: import duties", timeout);

    /// <summary>
    /// The company's wallet line for the freight of an order's consignment (signed minor units), once payment has charged
    /// it: the shipment's departure bills it, beside the order's own steps, so the line is waited for.
    /// </summary>
    public Task<long> FreightLineAsync(string company, string currency, string orderId, TimeSpan timeout) =>
        LineAsync(company, currency, $"Order {orderId}: freight", timeout);

    /// <summary>The balance of one of the hub's own accounts (owner: the hub) of a kind, in minor units of the currency; 0 when it has none.</summary>
    public async Task<long> HubAccountAsync(string kind, string currency) =>
        (await hub.GetAsync(op, $"/api/payment/ledger/accounts?owner={hub.Hub}&kind={kind}", CancellationToken.None))["accounts"]!.AsArray()
            .Where(a => a!["balance"]!["currency"]!.GetValue<string>() == currency)
            .Select(a => a!["balance"]!["minorUnits"]!.GetValue<long>()).SingleOrDefault();

    // The one line of the statement whose description starts so, waited for.
    private async Task<long> LineAsync(string company, string currency, string startsWith, TimeSpan timeout)
    {
        long? line = null;
        await Eventually.TrueAsync(async () =>
        {
            var (lines, _) = await StatementAsync(company, currency);
            line = lines.Where(l => l.Description.StartsWith(startsWith, StringComparison.Ordinal)).Select(l => (long?)l.Amount).SingleOrDefault();
            return line is not null;
        }, timeout, $"{company}'s {currency} statement has the line '{startsWith}…'");
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
