using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Customs.V1;
using Hub.Testing;

namespace Hub.Customs.Tests.Endpoints;

public sealed class DeclarationEndpointTests(CustomsHost host) : IClassFixture<CustomsHost>
{
    [Fact]
    public async Task GetDeclaration_OwnCompany_SeesItsTaxes_OtherCompany_GetsNotFound()
    {
        var declared = await host.Grpc.DeclareAsync(Requests.Declaration(DeclarationType.Import));

        using var own = host.Sme("KR-C-000001");
        var mine = await own.GetFromJsonAsync<JsonElement>($"/api/customs/declarations/{declared.DeclarationId}");
        mine.GetProperty("totalTaxes").GetDecimal().ShouldBe(275_373m);
        mine.GetProperty("items")[0].GetProperty("taxes").GetArrayLength().ShouldBe(3);
        mine.GetProperty("items")[0].GetProperty("hsEdition").GetString().ShouldBe("HS2022");

        using var other = host.Sme("KR-C-000002");
        var response = await other.GetAsync($"/api/customs/declarations/{declared.DeclarationId}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
    }

    [Fact]
    public async Task ListDeclarations_HeldFilter_ShowsHeldOnly()
    {
        var held = await host.Grpc.DeclareAsync(Requests.Declaration(DeclarationType.Export, exporter: "Orion Star Shipping SDN BHD"));
        var cleared = await host.Grpc.DeclareAsync(Requests.Declaration(DeclarationType.Export));
        using var op = host.Operator();

        var list = await op.GetFromJsonAsync<JsonElement>("/api/customs/declarations?status=Held");

        var ids = list.EnumerateArray().Select(d => d.GetProperty("id").GetString()).ToList();
        ids.ShouldContain(held.DeclarationId);
        ids.ShouldNotContain(cleared.DeclarationId);
        (await op.GetAsync("/api/customs/declarations?status=Lost")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task ReleaseDeclaration_TwoOperatorsAtOnce_OneWinsTheOtherGetsAConflict()
    {
        var request = Requests.Declaration(DeclarationType.Export, exporter: "Northwind Dual Use Exports");
        var held = await host.Grpc.DeclareAsync(request);
        held.Status.ShouldBe(DeclarationStatus.Held);
        using var first = host.Operator();
        using var second = host.Client(Hub.Testing.TestSecurity.Operator(host.Hub, "operator-2"));

        var responses = await Task.WhenAll(
            first.PostAsync($"/api/customs/declarations/{held.DeclarationId}/release", null),
            second.PostAsync($"/api/customs/declarations/{held.DeclarationId}/release", null));

        responses.Select(r => r.StatusCode).OrderBy(c => c).ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
        (await host.EventsAsync<Hub.Contracts.Customs.ExportCleared>()).Count(e => e.OrderId == request.OrderId).ShouldBe(1);
    }

    [Fact]
    public async Task Declare_CountsTheDecisionInTheServiceMetrics()
    {
        await host.Grpc.DeclareAsync(Requests.Declaration(DeclarationType.Export));
        using var op = host.Operator();

        var metrics = await op.GetStringAsync("/metrics");

        metrics.ShouldContain("hub_customs_declarations");
        metrics.ShouldContain("hub_customs_clearance_duration");
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "/release")]
    [InlineData("POST", "/reject")]
    public async Task MalformedDeclarationId_IsAValidationProblemNamingTheId(string method, string action)
    {
        using var op = host.Operator();
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/customs/declarations/declaration-7{action}")
        {
            Content = method == "GET" ? null : JsonContent.Create(new { reason = "Invoice does not match the goods." }),
        };

        var response = await op.SendAsync(request);

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("id")[0].GetString()!.ShouldContain("'declaration-7' is not a declaration id");
    }

    [Fact]
    public async Task ReleaseDeclaration_Unknown_IsNotFound()
    {
        using var op = host.Operator();

        (await op.PostAsync("/api/customs/declarations/KR-D-999999/release", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListDeclarations_SmallPages_WalkEveryDeclarationOnceNewestFirst()
    {
        var declared = new List<string>();
        for (var i = 0; i < 52; i++)
        {
            declared.Add((await host.Grpc.DeclareAsync(Requests.Declaration(DeclarationType.Export))).DeclarationId);
        }

        using var op = host.Operator();
        (await op.GetFromJsonAsync<JsonElement>("/api/customs/declarations")).GetArrayLength().ShouldBe(50);
        var whole = (await op.GetFromJsonAsync<JsonElement>("/api/customs/declarations?limit=200")).EnumerateArray().ToList();
        whole.Count.ShouldBeLessThan(200);

        var walked = await ListPages.WalkAsync(op, "/api/customs/declarations", "before", 20);

        var ids = walked.Select(d => d.GetProperty("id").GetString()).ToList();
        ids.ShouldBe(whole.Select(d => d.GetProperty("id").GetString()));
        ids.ShouldBeUnique();
        declared.ShouldBeSubsetOf(ids);
        var submitted = walked.Select(d => d.GetProperty("submittedAt").GetDateTime()).ToList();
        submitted.ShouldBe(submitted.OrderByDescending(t => t));
    }

    [Fact]
    public async Task ListDeclarations_OrderFilter_ShowsThatOrdersOnly()
    {
        var order = Requests.NewOrderId();
        var export = await host.Grpc.DeclareAsync(Requests.Declaration(DeclarationType.Export, orderId: order));
        var import = await host.Grpc.DeclareAsync(Requests.Declaration(DeclarationType.Import, orderId: order));
        await host.Grpc.DeclareAsync(Requests.Declaration(DeclarationType.Export));
        using var op = host.Operator();

        var list = await op.GetFromJsonAsync<JsonElement>($"/api/customs/declarations?orderId={order}");

        list.EnumerateArray().Select(d => d.GetProperty("id").GetString()).ShouldBe([export.DeclarationId, import.DeclarationId], ignoreOrder: true);
    }

    [Theory]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("before=not-a-declaration", "before")]
    [InlineData("before=KR-D-999999", "before")]
    public async Task ListDeclarations_LimitOutOfRangeOrUnknownBefore_ProblemNamingIt(string query, string field)
    {
        using var op = host.Operator();

        var response = await op.GetAsync($"/api/customs/declarations?{query}");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe([field]);
    }
}
