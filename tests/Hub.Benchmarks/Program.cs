using System.Globalization;
using Hub.Benchmarks.Catalog;
using Hub.Benchmarks.Gateway;
using Hub.Benchmarks.Outbox;

// dotnet run -c Release --project tests/Hub.Benchmarks -- outbox [--messages N] [--rate R] [--seconds S] [--profile]
// dotnet run -c Release --project tests/Hub.Benchmarks -- gateway [CONCURRENCY] [SECONDS]
// dotnet run -c Release --project tests/Hub.Benchmarks -- catalog [PRODUCTS] [CLIENTS] [SECONDS]
switch (args)
{
    case ["outbox", .. var rest] when OutboxBenchmarkOptions.TryParse(rest, out var options):
        return await OutboxBenchmark.RunAsync(options);
    case ["gateway", .. var rest] when rest.Length <= 2 && rest.All(a => int.TryParse(a, CultureInfo.InvariantCulture, out var n) && n > 0):
        return await GatewayBenchmark.RunAsync(
            rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 32,
            rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 10);
    case ["catalog", .. var rest] when rest.Length <= 3 && rest.All(a => int.TryParse(a, CultureInfo.InvariantCulture, out var n) && n > 0):
        return await CatalogBenchmark.RunAsync(
            rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 100_000,
            rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 8,
            rest.Length > 2 ? int.Parse(rest[2], CultureInfo.InvariantCulture) : 10);
    default:
        await Console.Error.WriteLineAsync(OutboxBenchmarkOptions.Usage + Environment.NewLine + "   or: gateway [CONCURRENCY=32] [SECONDS=10]"
            + Environment.NewLine + "   or: catalog [PRODUCTS=100000] [CLIENTS=8] [SECONDS=10]");
        return 2;
}
