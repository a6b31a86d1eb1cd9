using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Hub.Contracts.Values;
using Microsoft.Extensions.Configuration;
using Hub.ServiceDefaults.Security;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Options;

namespace Hub.ServiceDefaults.Tests.Security;

public sealed class SecurityTests() : DefaultsTestApp("security-test")
{
    protected override void Map(WebApplication app)
    {
        app.MapGet("/sme", (Caller caller) => View(caller)).RequireAuthorization(HubPolicies.Sme);
        app.MapGet("/operator", (Caller caller) => View(caller)).RequireAuthorization(HubPolicies.Operator);
        app.MapGet("/partner", (Caller caller) => View(caller)).RequireAuthorization(HubPolicies.PartnerHub);
        app.MapGet("/either", (Caller caller) => View(caller)).RequireAuthorization(HubPolicies.SmeOrOperator);
    }

    [Fact]
    public async Task Request_WithoutToken_IsUnauthorizedAskingForOne()
    {
        var response = await Client.GetAsync("/sme");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await DetailOf(response)).ShouldBe("This call needs a bearer token in the Authorization header.");
    }

    [Fact]
    public async Task Request_WithMalformedToken_IsUnauthorizedSayingItCouldNotBeRead()
    {
        var response = await Send("/sme", "not-a-token");

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await DetailOf(response)).ShouldBe("The bearer token could not be read.");
    }

    [Fact]
    public async Task Request_WithTokenSignedByAnotherKey_IsUnauthorized()
    {
        var forger = new HubTokenIssuer(Options.Create(new SecurityOptions
        {
            Issuer = TestSecurity.Settings().Single(s => s.Key == "Security:Issuer").Value!,
            SigningKey = "a-different-key-that-is-long-enough-000000",
        }), TimeProvider.System);

        var response = await Send("/operator", forger.IssueForOperator("mallory", HubId.Parse("KR")));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await DetailOf(response)).ShouldBe("The bearer token is not signed by an issuer this hub trusts.");
    }

    [Fact]
    public async Task Request_WithExpiredToken_IsUnauthorized()
    {
        var issued = new FixedTime(DateTimeOffset.UtcNow.AddDays(-2));
        var issuer = new HubTokenIssuer(Options.Create(TestOptions()), issued);

        var response = await Send("/operator", issuer.IssueForOperator("op", HubId.Parse("KR")));

        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var expired = (issued.GetUtcNow() + TestOptions().TokenLifetime).UtcDateTime;
        (await DetailOf(response)).ShouldBe($"The bearer token expired at {expired:yyyy-MM-ddTHH:mm:ssZ}; get a new one.");
    }

    [Fact]
    public async Task SmeToken_OnSmeRoute_BindsCallerWithItsCompany()
    {
        var response = await Send("/sme", TestSecurity.Sme(CompanyId.Parse("KR-C-000042"), "kim"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var caller = await response.Content.ReadFromJsonAsync<CallerView>();
        caller.ShouldBe(new CallerView("kim", HubRoles.Sme, "KR", "KR-C-000042"));
    }

    [Theory]
    [InlineData("/operator")]
    [InlineData("/partner")]
    public async Task SmeToken_OnOtherRoles_IsForbidden(string route)
    {
        var response = await Send(route, TestSecurity.Sme(CompanyId.Parse("KR-C-000042")));

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await DetailOf(response)).ShouldBe("A caller with role sme of hub KR may not make this call.");
    }

    [Fact]
    public async Task OperatorOfAnotherHub_IsForbidden()
    {
        (await Send("/operator", TestSecurity.Operator(HubId.Parse("CN")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Send("/either", TestSecurity.Operator(HubId.Parse("CN")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Send("/either", TestSecurity.Operator(HubId.Parse("KR")))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task PartnerHubToken_IsAcceptedOnlyFromAnotherHub()
    {
        (await Send("/partner", TestSecurity.PartnerHub(HubId.Parse("CN")))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Send("/partner", TestSecurity.PartnerHub(HubId.Parse("KR")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Send("/sme", TestSecurity.PartnerHub(HubId.Parse("CN")))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task HubWithPartners_OidcAuthorityWithoutSigningKey_RefusesToStart()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:Id"] = "KR",
            ["Security:Issuer"] = "https://login.example.kr",
            ["Security:Authority"] = "https://login.example.kr",
            ["Partners:CN:Gateway"] = "http://127.0.0.1:8201",
            ["Partners:CN:Secret"] = "a-secret-the-two-hubs-share-000000",
        });
        builder.AddServiceDefaults("security-test");
        await using var app = builder.Build();

        var refused = await Should.ThrowAsync<OptionsValidationException>(() => app.StartAsync());

        refused.Message.ShouldContain("Security:SigningKey");
    }

    [Fact]
    public void CanActFor_OnlyOwnCompanyForSmes_EveryCompanyForOperators()
    {
        var mine = CompanyId.Parse("KR-C-000001");
        var theirs = CompanyId.Parse("KR-C-000002");
        var sme = new Caller("kim", HubRoles.Sme, HubId.Parse("KR"), mine);
        var op = new Caller("lee", HubRoles.Operator, HubId.Parse("KR"), null);
        var partner = new Caller("hub:CN", HubRoles.PartnerHub, HubId.Parse("CN"), null);

        sme.CanActFor(mine).ShouldBeTrue();
        sme.CanActFor(theirs).ShouldBeFalse();
        op.CanActFor(theirs).ShouldBeTrue();
        partner.CanActFor(mine).ShouldBeFalse();
    }

    private static SecurityOptions TestOptions() => new()
    {
        Issuer = TestSecurity.Settings().Single(s => s.Key == "Security:Issuer").Value!,
        SigningKey = TestSecurity.Settings().Single(s => s.Key == "Security:SigningKey").Value!,
    };

    private async Task<HttpResponseMessage> Send(string route, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, route);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await Client.SendAsync(request);
    }

    private static async Task<string?> DetailOf(HttpResponseMessage response)
    {
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return (await response.Content.ReadFromJsonAsync<ProblemDetails>())?.Detail;
    }

    private static CallerView View(Caller caller) => new(caller.Subject, caller.Role, caller.Hub.ToString(), caller.Company?.ToString());

    private sealed record CallerView(string Subject, string Role, string Hub, string? Company);
}
