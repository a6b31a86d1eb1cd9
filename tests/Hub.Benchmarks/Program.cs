using Hub.Benchmarks.Outbox;

// dotnet run -c Release --project tests/Hub.Benchmarks -- outbox [--messages N] [--rate R] [--seconds S]
if (args is not ["outbox", .. var rest] || !OutboxBenchmarkOptions.TryParse(rest, out var options))
{
    await Console.Error.WriteLineAsync(OutboxBenchmarkOptions.Usage);
    return 2;
}

return await OutboxBenchmark.RunAsync(options);
