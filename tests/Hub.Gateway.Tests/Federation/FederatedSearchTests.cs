using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Gateway.Tests.Fakes;
using Hub.ServiceDefaults.Security;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Gateway.Tests.Federation;

/// <summary>
/// KR's gateway (in memory) searching its own catalog and its partners: CN, a real gateway on Kestrel in front of
/// its catalog; MY, down; SG, slower than the deadline.
/// </summary>
public sealed class FederatedSearchTests : IAsyncLifetime
{
    private const string KrCnSecret = "kr-cn-federation-test-secret";
    private readonly List<WebApplication> _backends = [];
    private GatewayFactory _china = null!;
    private GatewayFactory _korea = null!;

    public async Task InitializeAsync()
    {
        var krCatalog = await Start(CatalogSearchBackend.StartAsync(TimeSpan.Zero, ("KR-P-000001", "무선 이어폰", 0.4)));
        var cnCatalog = await Start(CatalogSearchBackend.StartAsync(TimeSpan.Zero, ("CN-P-000007", "蓝牙耳机", 0.9)));
        var sgGateway = await Start(CatalogSearchBackend.StartAsync(TimeSpan.FromSeconds(20), ("SG-P-000001", "earphones", 1.0)));

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
            ("Partners:CN:Secret", KrCnSecret),
            ("Partners:MY:Gateway", Backend.ClosedAddress()),
            ("Partners:MY:Secret", "kr-my-secret"),
            ("Partners:SG:Gateway", sgGateway.Urls.Single()),
            ("Partners:SG:Secret", "kr-sg-secret"),
            ("Gateway:Federation:Deadline", "00:00:01"),
            ("Gateway:Federation:BreakerMinimumCalls", "2")));
        _korea.StartServer();
    }

    public async Task DisposeAsync()
    {
        await _korea.DisposeAsync();
        await _china.DisposeAsync();
        foreach (var backend in _backends)
        {
            await backend.DisposeAsync();
        }
    }

    [Fact]
    public async Task Search_WithOnePartnerDownAndOneSlow_ReturnsTheOthersLabelledPartialWithinTheDeadline()
    {
        using var client = SmeClient();
        var started = Stopwatch.StartNew();

        using var response = await client.GetAsync("/api/federation/catalog/search?q=earphone");

        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(5));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        body.GetProperty("partial").GetBoolean().ShouldBeTrue();
        var hubs = body.GetProperty("hubs").EnumerateArray().Select(h => $"{h.GetProperty("hub").GetString()} {h.GetProperty("status").GetString()}");
        hubs.ShouldBe(["KR answered", "CN answered", "MY failed", "SG timed-out"], ignoreOrder: true);

        var items = body.GetProperty("items").EnumerateArray().ToList();
        items.Select(i => i.GetProperty("id").GetString()).ShouldBe(["CN-P-000007", "KR-P-000001"]);
        items.Select(i => i.GetProperty("hub").GetString()).ShouldBe(["CN", "KR"]);
        items.ShouldAllBe(i => i.GetProperty("query").GetString() == "?q=earphone&limit=20", "the catalog's parameters pass on, with the page size");
    }

    [Fact]
    public async Task Search_PartnerCatalog_IsAskedAsThisHubNotAsTheUser()
    {
        using var client = SmeClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/api/federation/catalog/search?q=x");

        var china = body.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("hub").GetString() == "CN");
        var token = new JsonWebToken(china.GetProperty("askedWith").GetString()!["Bearer ".Length..]);
        token.GetClaim(HubClaimTypes.Role).Value.ShouldBe(HubRoles.PartnerHub);
        token.GetClaim(HubClaimTypes.Hub).Value.ShouldBe("KR");
        var home = body.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("hub").GetString() == "KR");
        new JsonWebToken(home.GetProperty("askedWith").GetString()!["Bearer ".Length..]).GetClaim(HubClaimTypes.Role).Value.ShouldBe(HubRoles.Sme);
    }

    [Fact]
    public async Task Search_PartnerThatKeepsFailing_IsSkippedByItsBreaker()
    {
        using var client = SmeClient();

        for (var i = 0; i < 2; i++)
        {
            await client.GetFromJsonAsync<JsonElement>("/api/federation/catalog/search?q=x");
        }

        var body = await client.GetFromJsonAsync<JsonElement>("/api/federation/catalog/search?q=x");
        var my = body.GetProperty("hubs").EnumerateArray().Single(h => h.GetProperty("hub").GetString() == "MY");
        my.GetProperty("status").GetString().ShouldBe("circuit-open");
        body.GetProperty("hubs").EnumerateArray().Single(h => h.GetProperty("hub").GetString() == "CN").GetProperty("status").GetString().ShouldBe("answered");
    }

    [Fact]
    public async Task Search_PartnerSlowerThanTheDeadline_IsSkippedByItsBreaker()
    {
        using var client = SmeClient();
        for (var i = 0; i < 2; i++)
        {
            (await StatusOfAsync(client, "SG")).ShouldBe("timed-out");
        }

        // A search answers at its deadline, while the partner's call is still being given up: on a busy machine the
        // breaker may count the second timeout a moment after the next search has asked again.
        await Eventually.TrueAsync(async () => await StatusOfAsync(client, "SG") == "circuit-open", TimeSpan.FromSeconds(15), "SG's breaker opens");
    }

    [Fact]
    public async Task Search_CallersLeavingBeforeTheAnswer_DoNotOpenAPartnersBreaker()
    {
        using var client = SmeClient();
        for (var i = 0; i < 3; i++)
        {
            // Gone while the slow partner is still being asked, well before the deadline.
            using var leaving = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
            await Should.ThrowAsync<OperationCanceledException>(() => client.GetAsync("/api/federation/catalog/search?q=x", leaving.Token));
        }

        (await StatusOfAsync(client, "SG")).ShouldBe("timed-out", "the partner is asked again: only its own slowness counts against it");
    }

    [Fact]
    public async Task Search_Limit_BoundsTheWholeAnswerNotEachHub()
    {
        using var client = SmeClient();

        var body = await client.GetFromJsonAsync<JsonElement>("/api/federation/catalog/search?q=x&limit=1");

        body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetString()).ShouldBe(["CN-P-000007"], "the highest ranked of both hubs' items");
        body.GetProperty("hubs").EnumerateArray().Where(h => h.GetProperty("status").GetString() == "answered")
            .Select(h => $"{h.GetProperty("hub").GetString()} {h.GetProperty("count").GetInt32()}").ShouldBe(["KR 0", "CN 1"], ignoreOrder: true);
        body.GetProperty("nextCursor").GetString().ShouldNotBeNullOrEmpty("KR's item is still to come");
    }

    [Theory]
    [InlineData("limit=1000", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=many", "limit")]
    [InlineData("cursor=KR%3A1", "cursor")]
    [InlineData("cursor=eyJLUiI6eyJza2lwIjotMX19", "cursor")]
    public async Task Search_OwnParameterInvalid_Is400NamingItAndAsksNoHub(string parameter, string named)
    {
        using var client = SmeClient();

        using var response = await client.GetAsync($"/api/federation/catalog/search?q=x&{parameter}");

        var problem = await ProblemAsync(response);
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe([named]);
    }

    [Fact]
    public async Task Search_QueryThisHubsCatalogRefuses_Returns400AtTheFederationPathWithTheCatalogsFieldErrors()
    {
        using var client = SmeClient();

        using var response = await client.GetAsync("/api/federation/catalog/search?q=x&sort=cheapest");

        var problem = await ProblemAsync(response);
        problem.GetProperty("title").GetString().ShouldBe("The search is invalid.");
        problem.GetProperty("errors").EnumerateObject().Select(p => p.Name).ShouldBe(["sort"]);
        (await StatusOfAsync(client, "CN")).ShouldBe("answered", "a refused query is nobody's failure");
    }

    [Fact]
    public async Task Search_QueryThisHubsCatalogCannotRead_Returns400WithItsDetailAndNoEmptyErrors()
    {
        using var client = SmeClient();

        using var response = await client.GetAsync("/api/federation/catalog/search?q=x&maxMoq=many");

        var problem = await ProblemAsync(response);
        problem.GetProperty("title").GetString().ShouldBe("The request is malformed.");
        problem.GetProperty("detail").GetString()!.ShouldContain("maxMoq 'many'");
        problem.TryGetProperty("errors", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task Search_Unauthenticated_IsRefused()
    {
        using var client = _korea.CreateClient();

        using var response = await client.GetAsync("/api/federation/catalog/search?q=x");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<string?> StatusOfAsync(HttpClient client, string hub)
    {
        var body = await client.GetFromJsonAsync<JsonElement>("/api/federation/catalog/search?q=x");
        return body.GetProperty("hubs").EnumerateArray().Single(h => h.GetProperty("hub").GetString() == hub).GetProperty("status").GetString();
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("instance").GetString().ShouldBe("/api/federation/catalog/search");
        return problem;
    }

    private HttpClient SmeClient()
    {
        var client = _korea.CreateClient();
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
