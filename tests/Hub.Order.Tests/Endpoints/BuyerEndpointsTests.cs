using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Hub.Order.Endpoints;

namespace Hub.Order.Tests.Endpoints;

/// <summary>A buying company registers the legal name and address its orders' declarations name it by.</summary>
public sealed class BuyerEndpointsTests(OrderFixture fixture) : IClassFixture<OrderFixture>
{
    [Fact]
    public async Task Register_ThenChange_IsWhatTheCompanyReadsBack()
    {
        var company = OrderFixture.NewCompany();
        using var buyer = fixture.ClientFor(company);

        var before = await buyer.GetAsync("/api/order/buyers/me");
        var registered = await buyer.PutAsJsonAsync("/api/order/buyers/me", new { legalName = "  Jinhua Hardware Import Co., Ltd.  ", address = "88 Binjiang Road, Jinhua" });
        var changed = await buyer.PutAsJsonAsync("/api/order/buyers/me", new { legalName = "Jinhua Hardware Import & Export Co., Ltd." });

        before.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        before.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        registered.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await registered.Content.ReadFromJsonAsync<BuyerResponse>())!.LegalName.ShouldBe("Jinhua Hardware Import Co., Ltd.");
        changed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var read = (await buyer.GetFromJsonAsync<BuyerResponse>("/api/order/buyers/me"))!;
        read.Company.ShouldBe(company.ToString());
        read.LegalName.ShouldBe("Jinhua Hardware Import & Export Co., Ltd.");
        read.Address.ShouldBeNull("a change names everything the profile keeps");
        read.UpdatedBy.ShouldNotBeNullOrEmpty();
    }

    [Theory]
    [InlineData(null, null, "legalName")]
    [InlineData(" x ", null, "legalName")]
    [InlineData("Line\nbreak Trading", null, "legalName")]
    [InlineData("Long Name Trading", 501, "address")]
    public async Task Register_BadProfile_IsAValidationProblemAndKeepsWhatWasThere(string? legalName, int? addressLength, string field)
    {
        using var buyer = fixture.ClientFor(OrderFixture.NewCompany());
        (await buyer.PutAsJsonAsync("/api/order/buyers/me", new { legalName = "Kept Trading Co." })).EnsureSuccessStatusCode();

        var response = await buyer.PutAsJsonAsync("/api/order/buyers/me",
            new { legalName, address = addressLength is { } length ? new string('a', length) : null });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue();
        (await buyer.GetFromJsonAsync<BuyerResponse>("/api/order/buyers/me"))!.LegalName.ShouldBe("Kept Trading Co.");
    }

    [Fact]
    public async Task Profile_IsTheCompanysOwn_NotAnOperators()
    {
        using var op = fixture.OperatorClient();

        (await op.GetAsync("/api/order/buyers/me")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await op.PutAsJsonAsync("/api/order/buyers/me", new { legalName = "Operator Trading" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
