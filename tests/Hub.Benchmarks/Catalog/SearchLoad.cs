using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Hub.Benchmarks.Gateway;

namespace Hub.Benchmarks.Catalog;

/// <summary>One search of the fixed set: its kind (for the per-kind figures) and its query string.</summary>
internal sealed record SearchCase(string Kind, string Query);

/// <summary>
/// Search load over the fixed set of searches, latencies kept per kind: closed loop (each caller sends the searches in
/// turn, starting at a different one, the next as soon as the last answered) or paced (a search every 1 / rate
/// seconds, however many are still running).
/// </summary>
internal static class SearchLoad
{
    /// <summary>Words in each language with and without filters, filters alone, and a rare model number; every sort.</summary>
    public static IReadOnlyList<SearchCase> Cases(int products)
    {
        var random = new Random(42);
        var cases = new List<SearchCase>
        {
            new("ko words", "q=이어폰"),
            new("ko words", "q=수분 크림&origin=KR&inStock=true"),
            new("ko words", "q=프리미엄 홍삼&sort=price_desc&currency=KRW&maxPrice=100000"),
            new("ko words", "q=김치&hs=2005&maxMoq=100&sort=moq_asc"),
            new("zh words", "q=耳机"),
            new("zh words", "q=橡胶手套&hs=4015&inStock=true"),
            new("zh words", "q=电钻&sort=price_asc&currency=CNY&minPrice=100&maxPrice=400"),
            new("zh words", "q=绿茶&origin=CN&maxMoq=50"),
            new("ms words", "q=minyak sawit&origin=MY"),
            new("ms words", "q=sarung tangan getah&maxMoq=100&sort=moq_asc"),
            new("ms words", "q=periuk nasi&currency=MYR&minPrice=50&maxPrice=200&sort=price_asc"),
            new("ms words", "q=telefon pintar&inStock=true&sort=price_desc"),
            new("en words", "q=earphones&currency=KRW&minPrice=10000&maxPrice=50000&sort=price_asc"),
            new("en words", "q=premium&hs=33&sort=price_desc"),
            new("en words", "q=shampoo&inStock=true&sort=moq_asc"),
            new("en words", "q=portable rice cooker&origin=KR"),
            new("filters only", "hs=8518&origin=CN"),
            new("filters only", "currency=MYR&minPrice=10&maxPrice=50&sort=price_asc"),
            new("filters only", "maxMoq=10&inStock=true&sort=moq_asc"),
            new("filters only", "hs=851713&inStock=true&sort=price_desc"),
        };
        for (var i = 0; i < 4; i++)
        {
            cases.Add(new("model number", $"q=SKU{random.Next(1, products + 1)}"));
        }

        return cases.Select(c => c with { Query = "/api/catalog/products?" + string.Join('&', c.Query.Split('&').Select(Escape)) }).ToList();
    }

    private static string Escape(string pair)
    {
        var at = pair.IndexOf('=', StringComparison.Ordinal);
        return pair[..(at + 1)] + Uri.EscapeDataString(pair[(at + 1)..]);
    }

    /// <summary>Sends each search once: the number of items of its first page, or an exception naming the failing one.</summary>
    public static async Task<int[]> CheckAsync(HttpClient client, IReadOnlyList<SearchCase> cases)
    {
        var hits = new int[cases.Count];
        for (var i = 0; i < cases.Count; i++)
        {
            using var response = await client.GetAsync(new Uri(cases[i].Query, UriKind.Relative));
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{cases[i].Query}: {(int)response.StatusCode} {body}");
            }

            hits[i] = JsonDocument.Parse(body).RootElement.GetProperty("items").GetArrayLength();
        }

        return hits;
    }

    /// <returns>The figures over all searches first, then per kind in the order of <paramref name="cases"/>.</returns>
    public static async Task<IReadOnlyList<LoadResult>> RunAsync(Uri catalog, string token, IReadOnlyList<SearchCase> cases, int clients, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = clients, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = catalog };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var stop = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, clients).Select(worker => Task.Run(async () =>
        {
            var latencies = cases.Select(_ => new List<double>()).ToArray();
            var failed = new int[cases.Count];
            for (var n = worker; Stopwatch.GetTimestamp() < stop; n++)
            {
                var i = n % cases.Count;
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(new Uri(cases[i].Query, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
                if (response.IsSuccessStatusCode)
                {
                    latencies[i].Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
                else
                {
                    failed[i]++;
                }
            }

            return (Latencies: latencies, Failed: failed);
        })).ToArray();

        var results = await Task.WhenAll(workers);
        return Results(cases, results, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// Open loop: search <c>n</c> is due <c>n</c> / <paramref name="rate"/> seconds after the start and is sent then
    /// whether or not the earlier ones have answered, and its latency counts from when it was due, so a stall of the
    /// service shows as latency of every search it held up rather than as a lower offered rate.
    /// </summary>
    public static async Task<IReadOnlyList<LoadResult>> RunPacedAsync(Uri catalog, string token, IReadOnlyList<SearchCase> cases, int rate, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
        using var client = new HttpClient(handler) { BaseAddress = catalog };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var total = (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var succeeded = new bool[total];
        var searches = new List<Task>(total);
        var started = Stopwatch.GetTimestamp();
        for (var n = 0; n < total; n++)
        {
            var due = started + (long)(n * (double)Stopwatch.Frequency / rate);
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), due);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            searches.Add(SearchAsync(n, due));
        }

        await Task.WhenAll(searches);
        var elapsed = Stopwatch.GetElapsedTime(started);
        var byCase = cases.Select(_ => (Latencies: new List<double>(), Failed: 0)).ToArray();
        for (var n = 0; n < total; n++)
        {
            ref var entry = ref byCase[n % cases.Count];
            if (succeeded[n])
            {
                entry.Latencies.Add(latencies[n]);
            }
            else
            {
                entry.Failed++;
            }
        }

        return Results(cases, [(byCase.Select(c => c.Latencies).ToArray(), byCase.Select(c => c.Failed).ToArray())], elapsed);

        async Task SearchAsync(int n, long due)
        {
            await Task.Yield();
            using var response = await client.GetAsync(new Uri(cases[n % cases.Count].Query, UriKind.Relative), HttpCompletionOption.ResponseContentRead);
            latencies[n] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
            succeeded[n] = response.IsSuccessStatusCode;
        }
    }

    // The figures over all searches first, then per kind in the order of the cases.
    private static IReadOnlyList<LoadResult> Results(IReadOnlyList<SearchCase> cases, (List<double>[] Latencies, int[] Failed)[] callers, TimeSpan elapsed)
    {
        LoadResult Result(string name, IEnumerable<int> indexes)
        {
            var chosen = indexes.ToArray();
            var all = callers.SelectMany(r => chosen.SelectMany(i => r.Latencies[i])).Order().ToArray();
            return new LoadResult(name, all.Length, callers.Sum(r => chosen.Sum(i => r.Failed[i])), elapsed, all);
        }

        var everything = Result("all searches", Enumerable.Range(0, cases.Count));
        var kinds = cases.Select(c => c.Kind).Distinct().Select(kind =>
            Result("  " + kind, Enumerable.Range(0, cases.Count).Where(i => cases[i].Kind == kind)));
        return [everything, .. kinds];
    }

    public static string Describe(IReadOnlyList<SearchCase> cases, int[] hits) =>
        string.Join(Environment.NewLine, cases.Select((c, i) => string.Create(CultureInfo.InvariantCulture,
            $"  {hits[i],3} on page 1  {Uri.UnescapeDataString(c.Query["/api/catalog/products?".Length..])}")));
}
