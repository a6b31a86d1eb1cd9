using System.Diagnostics;
using Grpc.Net.Client;
using Hub.Catalog.V1;
using Hub.Contracts.Values;
using CatalogClient = Hub.Catalog.V1.Catalog.CatalogClient;

namespace Hub.Benchmarks.Catalog;

/// <summary>What a timed window of <c>ReserveStock</c> calls did.</summary>
internal sealed record ReserveResult(int Reserved, int Rejected, int Failed, TimeSpan Duration, double[] Latencies)
{
    public double PerSecond => Reserved / Duration.TotalSeconds;

    /// <summary>Windows taken together: their calls over their summed time, their latencies sorted as one.</summary>
    public static ReserveResult Combine(IEnumerable<ReserveResult> windows)
    {
        var all = windows.ToList();
        return new ReserveResult(all.Sum(w => w.Reserved), all.Sum(w => w.Rejected), all.Sum(w => w.Failed),
            TimeSpan.FromTicks(all.Sum(w => w.Duration.Ticks)), [.. all.SelectMany(w => w.Latencies).Order()]);
    }
}

/// <summary>
/// Closed-loop gRPC load: each caller reserves one unit of a random listed, stocked product under a new order id,
/// the next call as soon as the last answered.
/// </summary>
internal static class ReserveLoad
{
    private static long _orders;

    public static async Task<ReserveResult> RunAsync(Uri grpc, IReadOnlyList<string> products, int clients, TimeSpan duration)
    {
        using var channel = GrpcChannel.ForAddress(grpc, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, PooledConnectionLifetime = Timeout.InfiniteTimeSpan },
        });
        var client = new CatalogClient(channel);

        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            var random = new Random(worker);
            var latencies = new List<double>();
            int reserved = 0, rejected = 0, failed = 0;
            while (Stopwatch.GetTimestamp() < stop)
            {
                var request = new ReserveStockRequest { OrderId = new OrderId(HubId.KR, Interlocked.Increment(ref _orders)).ToString() };
                request.Lines.Add(new ReservationLine { ProductId = products[random.Next(products.Count)], Quantity = 1 });
                var sent = Stopwatch.GetTimestamp();
                try
                {
                    var reply = await client.ReserveStockAsync(request);
                    if (reply.Reserved)
                    {
                        reserved++;
                        latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                    }
                    else
                    {
                        rejected++;
                    }
                }
                catch (Grpc.Core.RpcException)
                {
                    failed++;
                }
            }

            return (latencies, reserved, rejected, failed);
        })).ToArray();

        var results = await Task.WhenAll(workers);
        return new ReserveResult(results.Sum(r => r.reserved), results.Sum(r => r.rejected), results.Sum(r => r.failed),
            Stopwatch.GetElapsedTime(started), results.SelectMany(r => r.latencies).Order().ToArray());
    }
}
