namespace Hub.Benchmarks.Outbox;

// What the figures depend on besides the code: the server, the relay's and the consumer's settings and how busy the
// machine was.
internal sealed record BenchmarkEnvironment(string Postgres, int BatchSize, int Loops, int ConcurrentBatches, int Prefetch, int ConcurrentMessages, string LoadBefore, string LoadAfter);
