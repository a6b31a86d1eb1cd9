using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Testing;
using static Hub.Logistics.Tests.Bookings;

namespace Hub.Logistics.Tests.Endpoints;

public sealed class ConsignmentEndpointsTests : IAsyncLifetime
{
    private LogisticsHost _host = null!;

    public async Task InitializeAsync() => _host = await LogisticsHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Consignments_Sme_SeesOnlyItsOwnAndOthersAnswerNotFound()
    {
        var mine = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000501", "KR-C-000011", Lane(), Carton("50", "50", "50", "10")));
        var theirs = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000502", "KR-C-000022", Lane(), Carton("50", "50", "50", "10")));
        using var sme = _host.Sme("KR-C-000011");
        using var op = _host.Operator();

        var list = await sme.GetFromJsonAsync<JsonElement>("/api/logistics/consignments");
        var own = await sme.GetAsync($"/api/logistics/consignments/{mine.ConsignmentId}");
        var other = await sme.GetAsync($"/api/logistics/consignments/{theirs.ConsignmentId}");
        var all = await op.GetFromJsonAsync<JsonElement>("/api/logistics/consignments");

        list.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ShouldBe([mine.ConsignmentId]);
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        other.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        all.GetArrayLength().ShouldBe(2);
        (await _host.Anonymous().GetAsync("/api/logistics/consignments")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await sme.GetAsync("/api/logistics/pools")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/tracking")]
    [InlineData("POST", "/tracking")]
    public async Task MalformedConsignmentId_IsAValidationProblemNamingTheId(string method, string action)
    {
        using var op = _host.Operator();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/logistics/consignments/CN-O-000501{action}")
        {
            Content = method == "GET" ? null : JsonContent.Create(new { status = "OutForDelivery" }),
        };

        var response = await op.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("id")[0].GetString()!.ShouldContain("'CN-O-000501' is not a consignment id");
    }

    [Fact]
    public async Task Consignments_SmallPages_WalkEveryConsignmentOnceNewestFirst()
    {
        var booked = new List<string>();
        for (var i = 1; i <= 7; i++)
        {
            var company = i % 2 == 0 ? "KR-C-000022" : "KR-C-000011";
            booked.Add((await _host.Grpc.BookConsignmentAsync(Request($"CN-O-00052{i}", company, Lane(), Carton("50", "50", "50", "10")))).ConsignmentId);
        }

        using var op = _host.Operator();
        using var sme = _host.Sme("KR-C-000011");

        (await WalkAsync(op, "/api/logistics/consignments", 3)).ShouldBe(Enumerable.Reverse(booked));
        (await WalkAsync(sme, "/api/logistics/consignments", 3)).ShouldBe(Enumerable.Reverse(booked).Where((_, i) => i % 2 == 0));
        (await op.GetFromJsonAsync<JsonElement>("/api/logistics/consignments")).GetArrayLength().ShouldBe(7);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("before=not-a-consignment", "before")]
    [InlineData("before=KR-CS-999999", "before")]
    public async Task Consignments_LimitOutOfRangeOrUnknownBefore_ProblemNamingIt(string query, string field)
    {
        using var op = _host.Operator();

        await ShouldBeProblemNamingAsync(await op.GetAsync($"/api/logistics/consignments?{query}"), field);
    }

    [Fact]
    public async Task Consignments_SmeBeforeAnotherCompanysConsignment_ProblemNamingBefore()
    {
        await _host.Grpc.BookConsignmentAsync(Request("CN-O-000531", "KR-C-000011", Lane(), Carton("50", "50", "50", "10")));
        var theirs = await _host.Grpc.BookConsignmentAsync(Request("CN-O-000532", "KR-C-000022", Lane(), Carton("50", "50", "50", "10")));
        using var sme = _host.Sme("KR-C-000011");

        await ShouldBeProblemNamingAsync(await sme.GetAsync($"/api/logistics/consignments?before={theirs.ConsignmentId}"), "before");
    }

    /// <summary>The ids of every page of <paramref name="path"/>, <paramref name="limit"/> at a time, each page after the previous one's last.</summary>
    internal static async Task<List<string>> WalkAsync(HttpClient client, string path, int limit) =>
        [.. (await ListPages.WalkAsync(client, path, "before", limit)).Select(e => e.GetProperty("id").GetString()!)];

    /// <summary>Asserts a 400 problem whose only error is about <paramref name="field"/>.</summary>
    internal static async Task ShouldBeProblemNamingAsync(HttpResponseMessage response, string field)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([field]);
    }
}
