using System.Net.Http.Json;
using System.Text.Json;
using Hub.Gateway.Tests.Fakes;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;

namespace Hub.Gateway.Tests.Federation;

/// <summary>
/// Paging through a federated search of KR's gateway (in memory) over its own catalog and CN's, behind a real CN
/// gateway on Kestrel. Each fake catalog refuses a cursor that is not its own, so a hub sent another's cursor shows.
/// </summary>
public sealed class FederatedSearchPagingTests : IAsyncLifetime
{
    private const string KrCnSecret = "kr-cn-paging-test-secret";
    private readonly List<WebApplication> _backends = [];
    private GatewayFactory? _china;
    private GatewayFactory? _korea;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var gateway in new[] { _korea, _china })
        {
            if (gateway is not null)
            {
                await gateway.DisposeAsync();
            }
        }

        foreach (var backend in _backends)
        {
            await backend.DisposeAsync();
        }
    }

    [Fact]
    public async Task Search_RankedPagedToTheEnd_ContinuesEachHubFromItsOwnCursorInRankOrder()
    {
        await StartAsync(
            CatalogSearchBackend.StartAsync(TimeSpan.Zero, ("KR-P-000001", "a", 0.9), ("KR-P-000002", "b", 0.8), ("KR-P-000003", "c", 0.3), ("KR-P-000004", "d", 0.2)),
            CatalogSearchBackend.StartAsync(TimeSpan.Zero, ("CN-P-000001", "e", 0.7), ("CN-P-000002", "f", 0.6), ("CN-P-000003", "g", 0.5), ("CN-P-000004", "h", 0.4)));

        var pages = await AllPagesAsync(limit: 2);

        pages.Select(p => p.Count).ShouldBe([2, 2, 2, 2]);
        pages.SelectMany(p => p).Select(i => i.GetProperty("rank").GetDouble()).ShouldBe([0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2]);
        pages.SelectMany(p => p).Where(i => i.GetProperty("query").GetString()!.Contains("cursor=", StringComparison.Ordinal))
            .Select(i => i.GetProperty("hub").GetString()).Distinct().ShouldBe(["KR", "CN"], ignoreOrder: true, "both hubs went on from their own cursors");
    }

    [Fact]
    public async Task Search_InterleavedPagedToTheEnd_ReturnsEveryItemOnceInEachHubsOrder()
    {
        await StartAsync(
            CatalogSearchBackend.StartAsync("KR-P-000001", "KR-P-000002", "KR-P-000003", "KR-P-000004", "KR-P-000005"),
            CatalogSearchBackend.StartAsync("CN-P-000001", "CN-P-000002", "CN-P-000003"));

        var pages = await AllPagesAsync(limit: 3);

        pages.ShouldAllBe(p => p.Count <= 3);
        var ids = pages.SelectMany(p => p).Select(i => i.GetProperty("id").GetString()!).ToList();
        ids.Where(id => id.StartsWith("KR", StringComparison.Ordinal)).ShouldBe(["KR-P-000001", "KR-P-000002", "KR-P-000003", "KR-P-000004", "KR-P-000005"]);
        ids.Where(id => id.StartsWith("CN", StringComparison.Ordinal)).ShouldBe(["CN-P-000001", "CN-P-000002", "CN-P-000003"]);
        ids[..2].ShouldBe(["KR-P-000001", "CN-P-000001"], "no hub buries another");
    }

    [Fact]
    public async Task Search_HubWithNothingLeft_IsNotAskedAgain()
    {
        await StartAsync(
            CatalogSearchBackend.StartAsync("KR-P-000001", "KR-P-000002", "KR-P-000003"),
            CatalogSearchBackend.StartAsync("CN-P-000001"));
        using var client = SmeClient();
        var first = await client.GetFromJsonAsync<JsonElement>("/api/federation/catalog/search?q=x&limit=2");

        var second = await client.GetFromJsonAsync<JsonElement>($"/api/federation/catalog/search?q=x&limit=2&cursor={first.GetProperty("nextCursor").GetString()}");

        second.GetProperty("hubs").EnumerateArray().Select(h => $"{h.GetProperty("hub").GetString()} {h.GetProperty("status").GetString()}")
            .ShouldBe(["KR answered", "CN done"]);
        second.GetProperty("partial").GetBoolean().ShouldBeFalse();
        second.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe(["KR-P-000002", "KR-P-000003"]);
        second.GetProperty("nextCursor").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Search_ProductListedBeforeTheHubsPositionBetweenPages_RepeatsNothing()
    {
        List<string> korea = ["KR-P-000002", "KR-P-000003", "KR-P-000004"];
        await StartAsync(CatalogSearchBackend.StartAsync(korea), CatalogSearchBackend.StartAsync("CN-P-000001"));
        using var client = SmeClient();
        var first = await client.GetFromJsonAsync<JsonElement>("/api/federation/catalog/search?q=x&limit=2");
        korea.Insert(0, "KR-P-000009");

        var ids = first.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        var cursor = first.GetProperty("nextCursor").GetString();
        while (cursor is not null)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/federation/catalog/search?q=x&limit=2&cursor={cursor}");
            ids.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()));
            cursor = page.GetProperty("nextCursor").GetString();
        }

        ids.ShouldBe(["KR-P-000002", "CN-P-000001", "KR-P-000003", "KR-P-000004"], "the page is followed from the last item taken, not by count");
    }

    [Fact]
    public async Task Search_PartnerFailingOnOnePageThenAnswering_FollowingNextCursorReturnsEveryItemOnce()
    {
        var chinaDown = false;
        await StartAsync(
            CatalogSearchBackend.StartAsync("KR-P-000001", "KR-P-000002", "KR-P-000003"),
            CatalogSearchBackend.StartAsync(["CN-P-000001", "CN-P-000002", "CN-P-000003"], () => chinaDown));
        using var client = SmeClient();
        var first = await client.GetFromJsonAsync<JsonElement>("/api/federation/catalog/search?q=x&limit=2");
        chinaDown = true;

        var partial = await client.GetFromJsonAsync<JsonElement>($"/api/federation/catalog/search?q=x&limit=2&cursor={first.GetProperty("nextCursor").GetString()}");

        partial.GetProperty("hubs").EnumerateArray().Select(h => $"{h.GetProperty("hub").GetString()} {h.GetProperty("status").GetString()}")
            .ShouldBe(["KR answered", "CN failed"]);
        partial.GetProperty("partial").GetBoolean().ShouldBeTrue();
        partial.GetProperty("nextCursor").GetString().ShouldNotBeNull("CN may have more though KR has nothing left");
        chinaDown = false;
        List<JsonElement> pages = [first, partial];
        while (pages[^1].GetProperty("nextCursor").GetString() is { } cursor)
        {
            pages.Count.ShouldBeLessThan(20, "paging ends");
            pages.Add(await client.GetFromJsonAsync<JsonElement>($"/api/federation/catalog/search?q=x&limit=2&cursor={cursor}"));
        }

        pages[^1].GetProperty("partial").GetBoolean().ShouldBeFalse();
        pages.SelectMany(p => p.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetString())
            .ShouldBe(["KR-P-000001", "CN-P-000001", "KR-P-000002", "KR-P-000003", "CN-P-000002", "CN-P-000003"]);
    }

    private async Task<List<List<JsonElement>>> AllPagesAsync(int limit)
    {
        using var client = SmeClient();
        var pages = new List<List<JsonElement>>();
        string? cursor = null;
        do
        {
            pages.Count.ShouldBeLessThan(20, "paging ends");
            var body = await client.GetFromJsonAsync<JsonElement>(
                $"/api/federation/catalog/search?q=x&limit={limit}" + (cursor is null ? "" : $"&cursor={cursor}"));
            body.GetProperty("partial").GetBoolean().ShouldBeFalse("every hub answers every page: none was sent another's cursor");
            pages.Add([.. body.GetProperty("items").EnumerateArray()]);
            cursor = body.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);

        return pages;
    }

    private async Task StartAsync(Task<WebApplication> koreanCatalog, Task<WebApplication> chineseCatalog)
    {
        var krCatalog = await Start(koreanCatalog);
        var cnCatalog = await Start(chineseCatalog);
        var chinaHttp = Backend.ClosedAddress();
        _china = new GatewayFactory(GatewaySettings.For("CN",
            ("Services:Gateway:Http", chinaHttp),
            ("Services:Gateway:Grpc", Backend.ClosedAddress()),
            ("Services:Catalog:Http", cnCatalog.Urls.Single()),
            ("Partners:KR:Gateway", Backend.ClosedAddress()),
            ("Partners:KR:Secret", KrCnSecret)));
        _china.UseKestrel();
        _china.StartServer();

        _korea = new GatewayFactory(GatewaySettings.For("KR",
            ("Services:Catalog:Http", krCatalog.Urls.Single()),
            ("Partners:CN:Gateway", chinaHttp),
            ("Partners:CN:Secret", KrCnSecret)));
        _korea.StartServer();
    }

    private HttpClient SmeClient()
    {
        var client = _korea!.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestSecurity.Sme(GatewayFixture.Company));
        return client;
    }

    private async Task<WebApplication> Start(Task<WebApplication> starting)
    {
        var app = await starting;
        _backends.Add(app);
        return app;
    }
}
