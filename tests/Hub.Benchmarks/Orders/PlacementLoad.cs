using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Hub.Benchmarks.Orders;

/// <summary>An accepted placement: the key it was sent under, the purchase and the order ids the answer gave.</summary>
internal sealed record Placement(string Key, Guid PurchaseId, IReadOnlyList<string> OrderIds);

/// <summary>
/// What the placement phase did: accepted placements, refusals, both calls' latencies in ms (sorted, a placement's over
/// its repeats), and how many times a call was sent again. <see cref="CheckedOutBefore"/> holds the checkouts made before
/// the clock started, when they were (<c>PRICED=1</c>); <see cref="CheckoutMs"/> is then empty.
/// </summary>
internal sealed record PlacementResult(
    IReadOnlyList<Placement> Placed, IReadOnlyList<string> Keys, int Failed, IReadOnlyList<string> FailureSamples, TimeSpan Elapsed,
    double[] CheckoutMs, double[] PlaceMs, DateTime StartedAt, int Repeated, int RateLimited, CheckedOutCarts? CheckedOutBefore = null)
{
    public double PerSecond => Placed.Count / Elapsed.TotalSeconds;
}

/// <summary>Carts checked out ahead of their placement: the checkout ids, the calls' latencies in ms (sorted), refusals and time taken.</summary>
internal sealed record CheckedOutCarts(IReadOnlyList<Guid> Checkouts, double[] CheckoutMs, int Failed, IReadOnlyList<string> FailureSamples, TimeSpan Elapsed, int Repeated);

/// <summary>
/// Closed-loop buyers, the company's users taking turns (client n calls as user n, modulo their number, each user under
/// the gateway's rate limit of its own): each prices the cart (<c>POST /api/order/checkout</c>) then places it at that checkout
/// (<c>POST /api/order/orders</c> naming the checkout, a new Idempotency-Key each time) and starts again, until the
/// time or the count runs out; with <c>reprice</c> the cart is placed without its checkout and priced again. A call
/// that gets no answer, a 502, 503 or 504, or a 409 with Retry-After (a placement's key still held) is sent again, a
/// placement with the same key as the API asks of a client, for up to <see cref="RetryFor"/>; one that is refused, or
/// still fails then, is counted and not retried. Given carts checked out before (<see cref="CheckOutAsync"/>), the buyers
/// only place them, one each, and only the placements are timed.
/// </summary>
internal static class PlacementLoad
{
    /// <summary>
    /// How long a call without an answer is sent again: beyond the order service's grace for a key left by a
    /// placement that stopped (2 min), after which the repeat takes the key over even when the process that held it
    /// never noted that it ran (one that did is taken over once silent for 30 s).
    /// </summary>
    public static readonly TimeSpan RetryFor = TimeSpan.FromMinutes(3);

    /// <summary>Checks <paramref name="count"/> carts out, <paramref name="clients"/> at once, for placing them afterwards.</summary>
    public static async Task<CheckedOutCarts> CheckOutAsync(IReadOnlyList<HubSession> buyers, string productId, int clients, int count)
    {
        var checkouts = new ConcurrentBag<Guid>();
        var latencies = new ConcurrentBag<double>();
        var failures = new ConcurrentQueue<string>();
        var started = 0;
        var failed = 0;
        var repeated = 0;
        var cart = OrderSetup.Cart(productId);
        var clock = Stopwatch.StartNew();

        async Task ClientAsync(int client)
        {
            var buyer = buyers[(client - 1) % buyers.Count];
            while (Interlocked.Increment(ref started) <= count)
            {
                var t = Stopwatch.GetTimestamp();
                var quote = await UntilAnsweredAsync(() => buyer.PostAsync("/api/order/checkout", cart), () => Interlocked.Increment(ref repeated));
                latencies.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (quote.Ok)
                {
                    checkouts.Add(quote.Json.GetProperty("checkoutId").GetGuid());
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    Sample(failures, "checkout", quote);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(1, clients).Select(c => Task.Run(() => ClientAsync(c))));
        return new CheckedOutCarts([.. checkouts], Sorted(latencies), failed, [.. failures], clock.Elapsed, repeated);
    }

    public static async Task<PlacementResult> RunAsync(
        IReadOnlyList<HubSession> buyers, string productId, string run, int clients, int maxOrders, TimeSpan duration, bool reprice, CheckedOutCarts? checkedOut = null)
    {
        var rateLimitedBefore = buyers.Sum(b => b.RateLimited);
        var placed = new ConcurrentBag<Placement>();
        var keys = new ConcurrentBag<string>();
        var failures = new ConcurrentQueue<string>();
        var checkout = new ConcurrentBag<double>();
        var place = new ConcurrentBag<double>();
        var started = 0;
        var failed = 0;
        var repeated = 0;
        var cart = OrderSetup.Cart(productId);
        var startedAt = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();

        async Task ClientAsync(int client)
        {
            var buyer = buyers[(client - 1) % buyers.Count];
            while (clock.Elapsed < duration && Interlocked.Increment(ref started) is var n && n <= maxOrders)
            {
                var key = string.Create(CultureInfo.InvariantCulture, $"orderbench-{run}-{client}-{n}");
                Guid checkoutId;
                if (checkedOut is not null)
                {
                    if (n > checkedOut.Checkouts.Count)
                    {
                        break;
                    }

                    checkoutId = checkedOut.Checkouts[n - 1];
                }
                else
                {
                    var askedAt = Stopwatch.GetTimestamp();
                    var quote = await UntilAnsweredAsync(() => buyer.PostAsync("/api/order/checkout", cart), () => Interlocked.Increment(ref repeated));
                    checkout.Add(Stopwatch.GetElapsedTime(askedAt).TotalMilliseconds);
                    if (!quote.Ok)
                    {
                        Fail("checkout", quote);
                        continue;
                    }

                    checkoutId = quote.Json.GetProperty("checkoutId").GetGuid();
                }

                keys.Add(key);
                var t = Stopwatch.GetTimestamp();
                var placing = reprice ? cart : OrderSetup.Cart(productId, checkoutId);
                var headers = new Dictionary<string, string> { ["Idempotency-Key"] = key };
                var answer = await UntilAnsweredAsync(() => buyer.PostAsync("/api/order/orders", placing, headers), () => Interlocked.Increment(ref repeated));
                place.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                if (!answer.Ok)
                {
                    Fail("place", answer);
                    continue;
                }

                var purchase = answer.Json;
                placed.Add(new Placement(key, purchase.GetProperty("purchaseId").GetGuid(),
                    [.. purchase.GetProperty("orders").EnumerateArray().Select(o => o.GetProperty("orderId").GetString()!)]));
            }
        }

        void Fail(string call, Reply reply)
        {
            Interlocked.Increment(ref failed);
            Sample(failures, call, reply);
        }

        await Task.WhenAll(Enumerable.Range(1, clients).Select(c => Task.Run(() => ClientAsync(c))));
        var elapsed = clock.Elapsed;
        return new PlacementResult([.. placed], [.. keys], failed, [.. failures], elapsed, Sorted(checkout), Sorted(place), startedAt, repeated,
            buyers.Sum(b => b.RateLimited) - rateLimitedBefore, checkedOut);
    }

    private static void Sample(ConcurrentQueue<string> failures, string call, Reply reply)
    {
        if (failures.Count < 5)
        {
            failures.Enqueue($"{call}: {(int)reply.Status} {reply.Body[..Math.Min(300, reply.Body.Length)]}");
        }
    }

    private static async Task<Reply> UntilAnsweredAsync(Func<Task<Reply>> send, Action repeating)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await send();
            var again = answer.Status is HubSession.NoAnswer or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout
                || (answer.Status == HttpStatusCode.Conflict && answer.RetryAfter is not null);
            if (!again || clock.Elapsed > RetryFor)
            {
                return answer;
            }

            repeating();
            await Task.Delay(answer.RetryAfter ?? TimeSpan.FromSeconds(1));
        }
    }

    private static double[] Sorted(IEnumerable<double> values)
    {
        var array = values.ToArray();
        Array.Sort(array);
        return array;
    }
}
