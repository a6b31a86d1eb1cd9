using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Hub.Benchmarks.Orders;

/// <summary>How many of one kind of record each order (or key) has, over every benchmark order.</summary>
internal sealed record Tally(string What, int One, int None, int More)
{
    public string Row() => string.Create(CultureInfo.InvariantCulture, $"  {What,-46} {One,8} {None,8} {More,8}");
}

/// <summary>What the census found: the tallies, and the orders lost, duplicated or placed without an answer.</summary>
internal sealed record CensusResult(IReadOnlyList<Tally> Tallies, int Lost, int Duplicated, int Unacknowledged);

/// <summary>
/// Counts what every placement left behind. Through the APIs, with CN's operator token: the orders of each accepted
/// purchase and each order's escrow. The per-order counts of purchases, declarations, consignments, duties charged,
/// freight billed, settlements and refund claims are read from the hubs' databases (read-only): the operators' list endpoints return at most the
/// newest 100 or 200 records and cannot be filtered by order, so they could not show a duplicate.
/// </summary>
internal static class OrderCensus
{
    private const string SettlementPrefix = "payout:release:";

    private const string DutiesPrefix = "duties:";

    public static async Task<CensusResult> CountAsync(
        HubSession cnOperator, HubFile kr, HubFile cn, PlacementResult placement, IReadOnlyList<TrackedOrder> orders, TimeSpan stall)
    {
        var ids = orders.Select(o => o.Id).ToArray();
        var ordersPerPurchase = new ConcurrentDictionary<Guid, int>();
        await Parallel.ForEachAsync(placement.Placed, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (p, ct) =>
        {
            var reply = (await cnOperator.GetAsync($"/api/order/orders?purchase={p.PurchaseId}", ct)).Expect($"Listing purchase {p.PurchaseId}'s orders at CN");
            ordersPerPurchase[p.PurchaseId] = reply.Json.GetArrayLength();
        });
        var escrows = new ConcurrentDictionary<string, int>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (id, ct) =>
        {
            var reply = await cnOperator.GetAsync($"/api/payment/escrows/{id}", ct);
            escrows[id] = reply.Ok ? 1 : 0;
        });

        var keys = placement.Keys.ToArray();
        var purchasesPerKey = await CountAsync(cn.ConnectionStrings["Order"],
            "SELECT idempotency_key, count(*) FROM purchases WHERE idempotency_key = ANY(@k) GROUP BY 1", keys);
        var ordersPerKey = await CountAsync(cn.ConnectionStrings["Order"],
            "SELECT p.idempotency_key, count(o.id) FROM purchases p JOIN orders o ON o.purchase_id = p.id WHERE p.idempotency_key = ANY(@k) GROUP BY 1", keys);
        var settlementKeys = ids.Select(id => SettlementPrefix + id).ToArray();
        var completed = orders.Where(o => o.Status == "Completed").Select(o => SettlementPrefix + o.Id).ToArray();
        var settlements = await SettlementsAsync(kr, settlementKeys, completed, stall);
        var dutiesKeys = orders.Where(o => o.Status == "Completed").Select(o => DutiesPrefix + o.Id).ToArray();
        var duties = await CountAsync(cn.ConnectionStrings["Payment"], PostingsSql, dutiesKeys);
        // Each shipment a Completed order's consignment left on bills it once, on KR's ledger whoever pays it.
        var freightKeys = await KeysAsync(kr.ConnectionStrings["Logistics"],
            "SELECT 'freight:' || shipment_id || ':' || consignment_reference FROM shipment_items WHERE order_id = ANY(@k) AND freight_amount <> 0",
            [.. orders.Where(o => o.Status == "Completed").Select(o => o.Id)]);
        var freight = await CountAsync(kr.ConnectionStrings["Payment"], PostingsSql, freightKeys);

        Tally[] tallies =
        [
            Of("orders per accepted placement (CN, API)", placement.Placed.Select(p => p.PurchaseId), ordersPerPurchase),
            Of("purchases per Idempotency-Key sent (CN)", keys, purchasesPerKey),
            Of("orders per Idempotency-Key sent (CN)", keys, ordersPerKey),
            Of("escrows per order (CN, API)", ids, escrows),
            Of("export declarations per order (KR)", ids, await PerOrderAsync(kr, "Customs", "declarations", ids)),
            Of("import declarations per order (CN)", ids, await PerOrderAsync(cn, "Customs", "declarations", ids)),
            Of("consignments per order (KR)", ids, await PerOrderAsync(kr, "Logistics", "consignments", ids)),
            Of("tax refund claims per order (KR)", ids, await PerOrderAsync(kr, "TaxRefund", "refund_claims", ids)),
            Of("settlements per order (KR ledger)", settlementKeys, settlements),
            Of("import duties charged per Completed order (CN)", dutiesKeys, duties),
            Of("freight billed per shipment of a Completed order (KR ledger)", freightKeys, freight),
            Of("settlements per Completed order (KR ledger)", completed, settlements),
        ];

        // Lost: an accepted placement with no order, an order that disappeared, a Completed order never settled at KR,
        // whose import's duties were never charged at CN, or whose freight was never billed at KR.
        var lost = placement.Placed.Count(p => ordersPerPurchase.GetValueOrDefault(p.PurchaseId) == 0)
            + orders.Count(o => o.Status == "Missing")
            + tallies[^1].None + tallies[^2].None + tallies[^3].None;
        var unacknowledged = keys.Count(k => purchasesPerKey.GetValueOrDefault(k) > 0) - placement.Placed.Count;
        return new CensusResult(tallies, lost, tallies.Sum(t => t.More), unacknowledged);
    }

    private static Tally Of<TKey>(string what, IEnumerable<TKey> keys, IReadOnlyDictionary<TKey, int> counts)
        where TKey : notnull
    {
        var values = keys.Select(k => counts.GetValueOrDefault(k)).ToList();
        return new Tally(what, values.Count(v => v == 1), values.Count(v => v == 0), values.Count(v => v > 1));
    }

    // An order is Completed at CN once its escrow is released there; the supplier's settlement reaches KR's ledger after
    // that, as a message between the hubs (later still when KR's payment service was away). It is waited for while new
    // ones keep arriving, until the stall time passes without one.
    private static async Task<Dictionary<string, int>> SettlementsAsync(HubFile kr, string[] keys, string[] completed, TimeSpan stall)
    {
        var clock = Stopwatch.StartNew();
        var lastArrival = TimeSpan.Zero;
        var settlements = await CountAsync(kr.ConnectionStrings["Payment"], PostingsSql, keys);
        while (completed.Any(k => !settlements.ContainsKey(k)) && clock.Elapsed - lastArrival < stall)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            var now = await CountAsync(kr.ConnectionStrings["Payment"], PostingsSql, keys);
            if (now.Count > settlements.Count)
            {
                lastArrival = clock.Elapsed;
            }

            settlements = now;
        }

        return settlements;
    }

    private const string PostingsSql = "SELECT idempotency_key, count(*) FROM postings WHERE idempotency_key = ANY(@k) GROUP BY 1";

    private static Task<Dictionary<string, int>> PerOrderAsync(HubFile hub, string service, string table, string[] ids) =>
        CountAsync(hub.ConnectionStrings[service], $"SELECT order_id, count(*) FROM {table} WHERE order_id = ANY(@k) GROUP BY 1", ids);

    private static async Task<string[]> KeysAsync(string connectionString, string sql, string[] ids)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("k", ids);
        var keys = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return [.. keys];
    }

    private static async Task<Dictionary<string, int>> CountAsync(string connectionString, string sql, string[] keys)
    {
        await using var connection = await OpenAsync(connectionString);
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("k", keys);
        var counts = new Dictionary<string, int>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = (int)reader.GetInt64(1);
        }

        return counts;
    }

    // A loaded machine is the usual setting of this benchmark: wait for a connection longer than Npgsql's 15 s.
    private static async Task<NpgsqlConnection> OpenAsync(string connectionString)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 120, CommandTimeout = 300 }.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }
}
