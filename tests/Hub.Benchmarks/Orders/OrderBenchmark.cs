using System.Globalization;
using Hub.Benchmarks.Outbox;
using Hub.Benchmarks.Shared;
using Npgsql;
using static Hub.Benchmarks.Shared.Figures;

namespace Hub.Benchmarks.Orders;

/// <summary>
/// The order benchmark against the running platform (<c>./hub up</c>): CN's buyer (its users in turn) places orders for a KR supplier's
/// product through CN's gateway (closed loop, CLIENTS at once), then every order is driven to Completed as the
/// operators and the buyer would, then everything the orders left behind is counted, then pgbench simple-update runs
/// with the same clients on the same server. Targets: placed/s ≥ 0.25 × pgbench TPS; no order lost or duplicated.
/// </summary>
internal static class OrderBenchmark
{
    private const double PlacementRatioTarget = 0.25;

    public static async Task<int> RunAsync(OrderBenchmarkOptions options)
    {
        var kr = HubFile.Load("KR");
        var cn = HubFile.Load("CN");
        using var krHttp = new HttpClient { BaseAddress = kr.Gateway, Timeout = TimeSpan.FromSeconds(60) };
        using var cnHttp = new HttpClient { BaseAddress = cn.Gateway, Timeout = TimeSpan.FromSeconds(60) };
        var problem = await Unreachable(krHttp, kr) ?? await Unreachable(cnHttp, cn);
        if (problem is not null)
        {
            await Console.Error.WriteLineAsync($"{problem}. Start the platform first: ./hub up");
            return 2;
        }

        var run = DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var supplier = await HubSession.SignInAsync(krHttp, kr, "kr-supplier");
        var krOperator = await HubSession.SignInAsync(krHttp, kr, "kr-operator");
        var buyers = await Task.WhenAll(cn.UsersOf(cn.Company("cn-buyer")).Select(user => HubSession.SignInAsync(cnHttp, cn, user)));
        var buyer = buyers[0];
        var cnOperator = await HubSession.SignInAsync(cnHttp, cn, "cn-operator");
        var productId = await OrderSetup.ListProductAsync(supplier, run, (options.Orders + options.Warmup) * OrderSetup.UnitsPerOrder * 2);
        await OrderSetup.FundAsync(cnOperator, cn.Company("cn-buyer"), run);
        await WarmUpAsync(options, buyers, cnOperator, krOperator, productId, run);
        Console.WriteLine($"Run {run}: product {productId} (KR), buyer {cn.Company("cn-buyer")} (CN, {buyers.Length} users) funded; {options.Clients} clients place for up to {options.Seconds} s or {options.Orders} orders");

        var checkedOut = options.Priced ? await CheckOutBeforeAsync(options, buyers, productId) : null;
        var loadBefore = Report.LoadAverage();
        PlacementResult placement;
        IReadOnlyList<(string Label, TimeSpan Cpu)> placingCpu;
        await using (var hold = options.Hold ? await BrokerHold.RaiseAsync() : null)
        {
            if (hold is not null)
            {
                Console.WriteLine("Events held back at the broker while placing (HOLD=1): the placement alone is measured");
            }

            var cpuBefore = MachineCpu.Snapshot();
            placement = await PlacementLoad.RunAsync(buyers, productId, run, options.Clients, options.Orders, TimeSpan.FromSeconds(options.Seconds), options.Reprice, checkedOut);
            placingCpu = MachineCpu.Between(cpuBefore, MachineCpu.Snapshot());
        }

        var loadPlacing = Report.LoadAverage();
        Console.WriteLine(Invariant($"Placed {placement.Placed.Count} purchases in {placement.Elapsed.TotalSeconds:0.0} s ({placement.Failed} failed, {placement.Repeated} calls sent again, {placement.RateLimited} held back by the gateway's rate limit); driving them to Completed…"));
        foreach (var sample in placement.FailureSamples)
        {
            Console.WriteLine($"  ! {sample}");
        }

        var orders = placement.Placed.SelectMany(p => p.OrderIds).Distinct().Select(id => new TrackedOrder(id)).ToList();
        var fulfilment = new Fulfilment(cnOperator, krOperator, buyer, placement.StartedAt);
        var driving = await fulfilment.RunAsync(orders, TimeSpan.FromSeconds(options.StallSeconds));
        await Fulfilment.RefreshAsync(cnOperator, orders);
        var census = await OrderCensus.CountAsync(cnOperator, kr, cn, placement, orders, TimeSpan.FromSeconds(options.StallSeconds));

        var pgbench = await Pgbench.SimpleUpdateTpsAsync(ServerConnectionString(cn), options.Clients, Math.Clamp((int)placement.Elapsed.TotalSeconds, 10, 60));
        return Print(options, placement, placingCpu, orders, driving, census, pgbench, $"{loadBefore} → {loadPlacing} (placing) → {Report.LoadAverage()}") ? 0 : 1;
    }

    /// <summary>
    /// The measured run's carts checked out before its clock starts (<c>PRICED=1</c>): each is placed within its
    /// checkout's time (the FX quotes' validity less the payment window), so the placements follow at once.
    /// </summary>
    private static async Task<CheckedOutCarts> CheckOutBeforeAsync(OrderBenchmarkOptions options, IReadOnlyList<HubSession> buyers, string productId)
    {
        var carts = await PlacementLoad.CheckOutAsync(buyers, productId, options.Clients, options.Orders);
        Console.WriteLine(Invariant($"Checked {carts.Checkouts.Count} carts out before placing ({carts.Failed} refused) in {carts.Elapsed.TotalSeconds:0.0} s; only their placements are timed"));
        foreach (var sample in carts.FailureSamples)
        {
            Console.WriteLine($"  ! {sample}");
        }

        return carts;
    }

    /// <summary>
    /// Orders placed and driven to Completed before the measured run, as a hub that has been up a while: on two cores
    /// the services' order path is still being compiled to optimised code during a first run (a third of the machine's
    /// CPU went to the JIT compiler), and the figures rose run after run.
    /// </summary>
    private static async Task WarmUpAsync(OrderBenchmarkOptions options, IReadOnlyList<HubSession> buyers, HubSession cnOperator, HubSession krOperator, string productId, string run)
    {
        if (options.Warmup == 0)
        {
            return;
        }

        var warm = await PlacementLoad.RunAsync(buyers, productId, run + "-warmup", options.Clients, options.Warmup, TimeSpan.FromSeconds(options.Seconds), options.Reprice);
        var orders = warm.Placed.SelectMany(p => p.OrderIds).Distinct().Select(id => new TrackedOrder(id)).ToList();
        await new Fulfilment(cnOperator, krOperator, buyers[0], warm.StartedAt).RunAsync(orders, TimeSpan.FromSeconds(options.StallSeconds));
        await Fulfilment.RefreshAsync(cnOperator, orders);
        Console.WriteLine(Invariant($"Warm-up: {warm.Placed.Count} placed ({warm.PerSecond:0.0}/s), {orders.Count(o => o.Status == "Completed")} Completed; not counted below"));
    }

    private static bool Print(
        OrderBenchmarkOptions options, PlacementResult placement, IReadOnlyList<(string Label, TimeSpan Cpu)> placingCpu, List<TrackedOrder> orders, TimeSpan driving,
        CensusResult census, double pgbench, string load)
    {
        Console.WriteLine();
        Console.WriteLine(Invariant($"Order benchmark: CN buyer → KR supplier through the CN gateway, {options.Clients} clients, {Environment.ProcessorCount} CPUs, load {load}{(options.Hold ? ", events held while placing" : "")}"));
        Console.WriteLine();
        Console.WriteLine(Invariant($"{"Placement (closed loop)",-32} {"calls",7} {"per s",8} {"p50 ms",8} {"p99 ms",8}"));
        if (placement.CheckedOutBefore is { } before)
        {
            Console.WriteLine(Invariant($"{"POST /api/order/checkout before",-32} {before.CheckoutMs.Length,7} {before.CheckoutMs.Length / before.Elapsed.TotalSeconds,8:0.0} {Percentile(before.CheckoutMs, 50),8:0} {Percentile(before.CheckoutMs, 99),8:0}   not timed below"));
        }
        else
        {
            Console.WriteLine(Invariant($"{"POST /api/order/checkout",-32} {placement.CheckoutMs.Length,7} {placement.CheckoutMs.Length / placement.Elapsed.TotalSeconds,8:0.0} {Percentile(placement.CheckoutMs, 50),8:0} {Percentile(placement.CheckoutMs, 99),8:0}"));
        }

        Console.WriteLine(Invariant($"{(options.Reprice ? "POST /api/order/orders (priced)" : "POST /api/order/orders"),-32} {placement.PlaceMs.Length,7} {placement.PerSecond,8:0.0} {Percentile(placement.PlaceMs, 50),8:0} {Percentile(placement.PlaceMs, 99),8:0}   {placement.Placed.Count} accepted, {placement.Failed} failed, {placement.Elapsed.TotalSeconds:0.0} s"));
        Console.WriteLine(Invariant($"{"pgbench -N (simple update) TPS",-32} {"",7} {pgbench,8:0}"));
        PrintCpu(placement, placingCpu, options.Hold);

        var completed = orders.Where(o => o.Status == "Completed").ToList();
        Console.WriteLine();
        Console.WriteLine($"Orders at CN after processing: {Fulfilment.Census(orders)}");
        foreach (var failed in orders.Where(o => o.Status == "Failed").GroupBy(o => o.FailureReason).Take(5))
        {
            Console.WriteLine($"  Failed ×{failed.Count()}: {failed.Key}");
        }

        if (completed.Count > 0)
        {
            var span = completed.Max(o => o.UpdatedAt) - orders.Min(o => o.PlacedAt);
            Console.WriteLine(Invariant($"Fully processed: {completed.Count} Completed in {span.TotalSeconds:0.0} s from the first placement to the last Completed = {completed.Count / span.TotalSeconds:0.00} orders/s (processing phase {driving.TotalSeconds:0.0} s)"));
        }

        if (completed.Count < orders.Count)
        {
            Console.WriteLine($"Not Completed: {Fulfilment.Census(orders.Where(o => o.Status != "Completed"))} — stuck where listed (nothing moved for {options.StallSeconds} s)");
        }

        Console.WriteLine();
        Console.WriteLine($"  {"Records per order (or key)",-46} {"one",8} {"none",8} {"more",8}");
        foreach (var tally in census.Tallies)
        {
            Console.WriteLine(tally.Row());
        }

        Console.WriteLine(Invariant($"  Placements the server saved but answered with an error: {census.Unacknowledged}"));
        Console.WriteLine();
        var ratio = placement.PerSecond / pgbench;
        var results = new[]
        {
            Check(Invariant($"Placement {placement.PerSecond:0.0}/s vs pgbench {pgbench:0} TPS: ratio {ratio:0.000}"), Invariant($"≥ {PlacementRatioTarget:0.00}"), ratio >= PlacementRatioTarget, figureWidth: 70),
            Check(Invariant($"Orders lost {census.Lost}, duplicated {census.Duplicated}"), "0 and 0", census.Lost == 0 && census.Duplicated == 0, figureWidth: 70),
        };
        return results.All(r => r);
    }

    // What the machine spent per order placed while placing, process by process: the orders placed earlier are
    // processed on the same cores meanwhile (unless their events are held), and that is part of the price of a
    // placement on this machine.
    private static void PrintCpu(PlacementResult placement, IReadOnlyList<(string Label, TimeSpan Cpu)> cpu, bool held)
    {
        if (cpu.Count == 0 || placement.Placed.Count == 0)
        {
            return;
        }

        var machine = placement.Elapsed.TotalMilliseconds * Environment.ProcessorCount;
        double PerOrder(TimeSpan t) => t.TotalMilliseconds / placement.Placed.Count;
        Console.WriteLine();
        Console.WriteLine(held
            ? "CPU while placing, per order placed (events held back: the placement alone):"
            : "CPU while placing, per order placed (the orders placed before are processed meanwhile):");
        foreach (var (label, time) in cpu.Take(12))
        {
            Console.WriteLine(Invariant($"  {label,-20} {PerOrder(time),8:0.0} ms {time.TotalMilliseconds / machine,7:0.0%} of the machine"));
        }

        var total = TimeSpan.FromTicks(cpu.Sum(c => c.Cpu.Ticks));
        Console.WriteLine(Invariant($"  {"all processes",-20} {PerOrder(total),8:0.0} ms {total.TotalMilliseconds / machine,7:0.0%} of the machine: at this cost {Environment.ProcessorCount} CPUs place at most {Environment.ProcessorCount * 1000 / PerOrder(total):0.0} orders/s"));
    }

    private static async Task<string?> Unreachable(HttpClient http, HubFile hub)
    {
        try
        {
            using var response = await http.GetAsync("/health/ready");
            return response.IsSuccessStatusCode ? null : $"Hub {hub.Id}'s gateway {hub.Gateway} is not ready ({(int)response.StatusCode})";
        }
        catch (HttpRequestException ex)
        {
            return $"Hub {hub.Id}'s gateway {hub.Gateway} is not reachable ({ex.Message})";
        }
    }

    // pgbench gets a scratch database of its own on the hubs' server; HUB_TEST_POSTGRES names the server when set.
    private static string ServerConnectionString(HubFile hub) =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("HUB_TEST_POSTGRES") is { Length: > 0 } server ? server : hub.ConnectionStrings["Order"])
        {
            Database = "postgres",
        }.ConnectionString;
}
