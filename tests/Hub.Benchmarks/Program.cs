using System.Globalization;
using Hub.Benchmarks.Catalog;
using Hub.Benchmarks.Gateway;
using Hub.Benchmarks.Orders;
using Hub.Benchmarks.Outbox;
using Hub.Benchmarks.Planner;

// dotnet run -c Release --project tests/Hub.Benchmarks -- outbox [--messages N] [--rate R] [--seconds S] [--profile]
// dotnet run -c Release --project tests/Hub.Benchmarks -- gateway [CONCURRENCY] [SECONDS]
// dotnet run -c Release --project tests/Hub.Benchmarks -- catalog [PRODUCTS] [CLIENTS] [SECONDS] [RATE]
// dotnet run -c Release --project tests/Hub.Benchmarks -- planner [CONSIGNMENTS] [POOLS]
// dotnet run -c Release --project tests/Hub.Benchmarks -- order [ORDERS=N] [SECONDS=S] [CLIENTS=C] [STALL=S] [WARMUP=W] [REPRICE=0|1] [HOLD=0|1] [PRICED=0|1]   (needs ./hub up)
switch (args)
{
    case ["outbox", .. var rest] when OutboxBenchmarkOptions.TryParse(rest, out var options):
        return await OutboxBenchmark.RunAsync(options);
    case ["gateway", .. var rest] when Counts(rest, 2) is { } n:
        return await GatewayBenchmark.RunAsync(At(n, 0, 32), At(n, 1, 10));
    case ["catalog", .. var rest] when Counts(rest, 4) is { } n:
        return await CatalogBenchmark.RunAsync(At(n, 0, 100_000), At(n, 1, 8), At(n, 2, 10), At(n, 3, 100));
    case ["planner", .. var rest] when Counts(rest, 2) is { } n:
        return PlannerBenchmark.Run(At(n, 0, 10_000), At(n, 1, 3), TimeSpan.FromSeconds(2));
    case ["order", .. var rest] when OrderBenchmarkOptions.TryParse(rest, out var orderOptions):
        return await OrderBenchmark.RunAsync(orderOptions);
    default:
        await Console.Error.WriteLineAsync(string.Join(Environment.NewLine,
            OutboxBenchmarkOptions.Usage,
            "   or: gateway [CONCURRENCY=32] [SECONDS=10]",
            "   or: catalog [PRODUCTS=100000] [CLIENTS=8] [SECONDS=10] [RATE=100]",
            "   or: planner [CONSIGNMENTS=10000] [POOLS=3]",
            OrderBenchmarkOptions.Usage));
        return 2;
}

// Positional positive whole numbers, at most `max` of them; null when anything else was given.
static int[]? Counts(string[] args, int max) =>
    args.Length <= max && args.All(a => int.TryParse(a, CultureInfo.InvariantCulture, out var n) && n > 0)
        ? [.. args.Select(a => int.Parse(a, CultureInfo.InvariantCulture))]
        : null;

static int At(int[] values, int index, int otherwise) => index < values.Length ? values[index] : otherwise;
