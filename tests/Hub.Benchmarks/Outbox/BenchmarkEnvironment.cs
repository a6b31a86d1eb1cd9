namespace Hub.Benchmarks.Outbox;

// What the figures depend on besides the code: the server, the relay's batch size and how busy the machine was.
internal sealed record BenchmarkEnvironment(string Postgres, int BatchSize, string LoadBefore, string LoadAfter);
