using System.Diagnostics;
using System.Net.Http.Headers;
using Hub.Benchmarks.Gateway;
using Hub.Benchmarks.Outbox;
using Hub.Benchmarks.Shared;
using Hub.Catalog.Data;
using Hub.Contracts.Values;
using Hub.Testing;
using Npgsql;
using static Hub.Benchmarks.Shared.Figures;

namespace Hub.Benchmarks.Catalog;

/// <summary>
/// The catalog targets of its issue on a seeded catalog, against the real Catalog service on Kestrel in this process:
/// filtered text search p99 over HTTP at a fixed rate of searches, and <c>ReserveStock</c> throughput over gRPC next to
/// pgbench simple-update TPS on the same PostgreSQL server with the same number of clients, all in one run. The search
/// target is judged at a fixed rate because closed-loop callers keep the CPU busy whatever a search costs: their
/// latency is their number divided by the throughput, which the closed-loop table reports.
/// </summary>
internal static class CatalogBenchmark
{
    private const double SearchP99TargetMs = 30;
    private const double ReserveRatioTarget = 0.5;

    // Reservation windows, each followed by a pgbench window of the same length.
    private const int ReserveRounds = 3;

    // The reservation path (gRPC, the ledger's batches, the relay, MassTransit) runs apart from the searches before it;
    // on two cores its methods take about half a minute of load to reach their optimised tier, and the CPU it takes per
    // reservation halves meanwhile. The figures are the service's steady state, as a hub that has been up a while.
    private static readonly TimeSpan ReserveWarmup = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(int products, int clients, int seconds, int rate)
    {
        await using var database = await TestDatabase.CreateAsync("catalogbench");
        await using var vhost = await TestVirtualHost.CreateAsync();
        await database.MigrateAsync<CatalogDbContext>();
        await CatalogSeeder.SeedAsync(database.ConnectionString, products);

        var http = TestPorts.FreeAddress();
        var grpc = TestPorts.FreeAddress();
        await using var catalog = new KestrelFactory<CatalogDbContext>(TestSecurity.Settings().Concat(vhost.Settings()).Concat(
        [
            new("Hub:Id", "KR"),
            new("Logging:LogLevel:Default", "Warning"),
            new("Services:Catalog:Http", http),
            new("Services:Catalog:Grpc", grpc),
            new("ConnectionStrings:Catalog", database.ConnectionString),
        ]), "services/Catalog/Hub.Catalog");
        catalog.StartServer();

        var token = TestSecurity.Sme(CompanyId.Parse("KR-C-900001"), "bench-buyer");
        var cases = SearchLoad.Cases(products);
        using (var client = new HttpClient { BaseAddress = new Uri(http) })
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Console.WriteLine("Searches (items on the first page of 20):");
            Console.WriteLine(SearchLoad.Describe(cases, await SearchLoad.CheckAsync(client, cases)));
        }

        var stocked = await StockedProductsAsync(database.ConnectionString);
        var duration = TimeSpan.FromSeconds(seconds);
        var load = Report.LoadAverage();

        await SearchLoad.RunAsync(new Uri(http), token, cases, clients, TimeSpan.FromSeconds(2));
        var cpu = ProcessCpu();
        var search = await SearchLoad.RunAsync(new Uri(http), token, cases, clients, duration);
        var searchCpu = ProcessCpu() - cpu;

        // One buyer alone: the latency of the search itself, without the queue for the CPU that CLIENTS callers make.
        var alone = (await SearchLoad.RunAsync(new Uri(http), token, cases, 1, duration))[0] with { Name = "all searches, 1 client" };
        var paced = await SearchLoad.RunPacedAsync(new Uri(http), token, cases, rate, duration);
        await ReserveLoad.RunAsync(new Uri(grpc), stocked, clients, ReserveWarmup);

        // Reservations and pgbench take turns, so that what slows the server for a while (a checkpoint, another
        // tenant of the host) weighs on both sides of the ratio, and the ratio is judged on the rounds together.
        var rounds = new List<(ReserveResult Reserve, double Pgbench)>();
        var reserveCpu = TimeSpan.Zero;
        await using (var pgbench = await Pgbench.InitializeAsync(database.ConnectionString))
        {
            for (var round = 0; round < ReserveRounds; round++)
            {
                cpu = ProcessCpu();
                var result = await ReserveLoad.RunAsync(new Uri(grpc), stocked, clients, duration);
                reserveCpu += ProcessCpu() - cpu;
                rounds.Add((result, await pgbench.SimpleUpdateTpsAsync(clients, seconds)));
            }
        }

        var reserve = ReserveResult.Combine(rounds.Select(r => r.Reserve));
        var tps = rounds.Average(r => r.Pgbench);

        Console.WriteLine();
        Console.WriteLine(Invariant($"Catalog benchmark: {products} products, {clients} clients, {seconds} s per phase, {Environment.ProcessorCount} CPUs, load {load} → {Report.LoadAverage()}"));
        Console.WriteLine();
        Console.WriteLine($"{"GET /api/catalog/products",-22} {"Requests",9} {"Failed",7} {"req/s",10} {"p50 ms",8} {"p99 ms",8}");
        foreach (var result in search)
        {
            Console.WriteLine(result.Row());
        }

        Console.WriteLine(alone.Row());
        Console.WriteLine();
        Console.WriteLine(Invariant($"{"Paced: " + rate + " searches/s",-22} {"Requests",9} {"Failed",7} {"req/s",10} {"p50 ms",8} {"p99 ms",8}   (latency from when each was due)"));
        foreach (var result in paced)
        {
            Console.WriteLine(result.Row());
        }

        Console.WriteLine();
        var ratio = reserve.PerSecond / tps;
        Console.WriteLine(Invariant($"{"Writes, per second",-32} {"ReserveStock",12} {"pgbench -N",12} {"ratio",7}   (same {clients} clients, {seconds} s each, in turns)"));
        for (var i = 0; i < rounds.Count; i++)
        {
            Console.WriteLine(Invariant($"{"  round " + (i + 1),-32} {rounds[i].Reserve.PerSecond,12:0} {rounds[i].Pgbench,12:0} {rounds[i].Reserve.PerSecond / rounds[i].Pgbench,7:0.00}"));
        }

        Console.WriteLine(Invariant($"{"  all rounds",-32} {reserve.PerSecond,12:0} {tps,12:0} {ratio,7:0.00}"));
        Console.WriteLine(Invariant($"gRPC ReserveStock (1 line): {reserve.Reserved} reserved, {reserve.Rejected} rejected, {reserve.Failed} failed; p50 {Percentile(reserve.Latencies, 50):0.00} ms, p99 {Percentile(reserve.Latencies, 99):0.00} ms"));
        Console.WriteLine();

        // On a shared host the latencies above mostly measure the queue for a CPU; the CPU this process (the load
        // clients and the Catalog service, not PostgreSQL) spends per operation does not depend on the other tenants.
        Console.WriteLine(Invariant($"CPU of this process (clients and service) per search {searchCpu.TotalMilliseconds / Math.Max(1, search[0].Completed),6:0.00} ms, per reservation {reserveCpu.TotalMilliseconds / Math.Max(1, reserve.Reserved + reserve.Rejected + reserve.Failed),6:0.00} ms"));
        Console.WriteLine();

        var overall = paced[0];
        bool[] results =
        [
            Check(Invariant($"Search p99 at {rate}/s {overall.Percentile(99),8:0.00} ms, {overall.Failed} failed"), Invariant($"< {SearchP99TargetMs:0} ms, none failed"),
                overall.Percentile(99) < SearchP99TargetMs && overall.Failed == 0 && search[0].Failed == 0),
            Check(Invariant($"ReserveStock / pgbench {ratio,8:0.00}, {reserve.Failed + reserve.Rejected} not reserved"), Invariant($"≥ {ReserveRatioTarget:0.0}, all reserved"),
                ratio >= ReserveRatioTarget && reserve.Failed == 0 && reserve.Rejected == 0),
        ];
        return results.All(ok => ok) ? 0 : 1;
    }

    /// <summary>Listed products with enough stock that a run of one-unit reservations never runs them out.</summary>
    private static async Task<List<string>> StockedProductsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT p.id FROM products p JOIN product_stock s ON s.product_id = p.id WHERE p.status = 'Listed' AND s.on_hand >= 1000", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<string>();
        while (await reader.ReadAsync())
        {
            ids.Add(reader.GetString(0));
        }

        return ids;
    }

    private static TimeSpan ProcessCpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
