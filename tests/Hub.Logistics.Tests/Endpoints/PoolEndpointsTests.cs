using System.Net.Http.Json;
using System.Text.Json;
using static Hub.Logistics.Tests.Bookings;
using static Hub.Logistics.Tests.Endpoints.ConsignmentEndpointsTests;

namespace Hub.Logistics.Tests.Endpoints;

public sealed class PoolEndpointsTests : IAsyncLifetime
{
    private LogisticsHost _host = null!;

    public async Task InitializeAsync() => _host = await LogisticsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Pools_SmallPages_WalkEveryPoolOnceLatestOpenedFirst()
    {
        // Each close makes the lane's next booking open a new pool; pools opened in the same minute share their opening time.
        using var op = _host.Operator();
        var opened = new List<string>();
        for (var i = 1; i <= 7; i++)
        {
            var booked = await _host.Grpc.BookConsignmentAsync(Request($"CN-O-00061{i}", "KR-C-000011", Lane(), Carton("50", "50", "50", "10")));
            opened.Add(booked.PoolId);
            (await op.PostAsync($"/api/logistics/pools/{booked.PoolId}/close", null)).EnsureSuccessStatusCode();
            if (i % 3 == 0)
            {
                _host.Clock.Advance(TimeSpan.FromMinutes(1));
            }
        }

        var whole = (await op.GetFromJsonAsync<JsonElement>("/api/logistics/pools?limit=200")).EnumerateArray().ToList();
        var walked = await WalkAsync(op, "/api/logistics/pools", 2);

        walked.ShouldBe(whole.Select(p => p.GetProperty("id").GetString()!));
        walked.ShouldBe(opened, ignoreOrder: true);
        var openedAt = whole.Select(p => p.GetProperty("openedAt").GetDateTime()).ToList();
        openedAt.ShouldBe(openedAt.OrderByDescending(t => t));
        openedAt.Distinct().Count().ShouldBe(3);
        (await op.GetFromJsonAsync<JsonElement>("/api/logistics/pools")).GetArrayLength().ShouldBe(7);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("before=not-a-pool", "before")]
    [InlineData("before=6f1c1d3e-0000-4000-8000-000000000000", "before")]
    public async Task Pools_LimitOutOfRangeOrUnknownBefore_ProblemNamingIt(string query, string field)
    {
        using var op = _host.Operator();

        await ShouldBeProblemNamingAsync(await op.GetAsync($"/api/logistics/pools?{query}"), field);
    }

    [Theory]
    [InlineData("GET", "/api/logistics/pools/not-a-pool")]
    [InlineData("POST", "/api/logistics/pools/not-a-pool/close")]
    [InlineData("GET", "/api/logistics/pools/not-a-pool/plan")]
    [InlineData("GET", "/api/logistics/plans/42")]
    [InlineData("GET", "/api/logistics/shipments/not-a-shipment")]
    public async Task IdThatIsNotAUuid_IsAProblemNamingIt_NotAnUnknownRoute(string method, string path)
    {
        using var op = _host.Operator();

        await ShouldBeProblemNamingAsync(await op.SendAsync(new HttpRequestMessage(new HttpMethod(method), path)), "id");
    }
}
