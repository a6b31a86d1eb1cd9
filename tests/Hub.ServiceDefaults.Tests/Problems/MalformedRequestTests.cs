using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Hub.ServiceDefaults.Tests.Problems;

public sealed class MalformedRequestTests() : DefaultsTestApp("malformed-test")
{
    public sealed record Cart(string? Incoterm, IReadOnlyList<CartLine>? Lines);

    public sealed record CartLine(string? ProductId, int Quantity);

    public sealed record SearchQuery(int? MaxMoq);

    protected override void Map(WebApplication app)
    {
        app.MapPost("/carts", (Cart cart) => Results.Ok(cart.Lines?.Count));
        app.MapGet("/pages", (int? limit, Guid? after, DateTime? since) => Results.Ok(limit));
        app.MapGet("/counted", (int limit) => Results.Ok(limit));
        app.MapGet("/search", ([AsParameters] SearchQuery query) => Results.Ok(query.MaxMoq));
    }

    [Theory]
    [InlineData("""{"lines":[{"productId":"KR-P-000001","quantity":true}]}""", "lines[0].quantity", "Expected a number, not true.")]
    [InlineData("""{"lines":[{"productId":"KR-P-000001","quantity":"ten"}]}""", "lines[0].quantity", "Not a value of this field's type, or out of its range.")]
    [InlineData("""{"lines":[{"productId":"KR-P-000001","quantity":99999999999}]}""", "lines[0].quantity", "Not a value of this field's type, or out of its range.")]
    [InlineData("""{"incoterm":5}""", "incoterm", "Expected a string, not a number.")]
    [InlineData("""{"lines":[{"productId":["KR-P-000001"],"quantity":1}]}""", "lines[0].productId", "Expected a string, not an array.")]
    [InlineData("""{"lines":"all of them"}""", "lines", "Not a value of this field's type, or out of its range.")]
    public async Task ValueOfTheWrongType_IsAValidationProblemNamingTheField(string body, string field, string rule)
    {
        var response = await Client.PostAsync("/carts", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response);
        problem.GetProperty("title").GetString().ShouldBe("One or more validation errors occurred.");
        problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldBe(rule);
        problem.GetRawText().ShouldNotContain("Cart", Case.Sensitive, "the service's own type names stay inside it");
    }

    [Fact]
    public async Task BodyThatIsNotJson_SaysWhereTheReaderStopped()
    {
        var response = await Client.PostAsync("/carts", new StringContent("""{"incoterm":"DAP",""", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response);
        problem.GetProperty("title").GetString().ShouldBe("The request is malformed.");
        var detail = problem.GetProperty("detail").GetString()!;
        detail.ShouldStartWith("The body is not well-formed JSON at line 1, byte 18: ");
        detail.ShouldNotContain("Cart", Case.Sensitive);
    }

    [Fact]
    public async Task BodyOfAnotherShape_IsRefusedWithoutNamingTypes()
    {
        var response = await Client.PostAsync("/carts", new StringContent("[1, 2]", Encoding.UTF8, "application/json"));

        var problem = await ProblemAsync(response);
        problem.GetProperty("detail").GetString()!.ShouldStartWith("The body is not the JSON object this call takes");
        problem.GetRawText().ShouldNotContain("Cart", Case.Sensitive);
    }

    [Theory]
    [InlineData("/pages?limit=abc", "limit", "'abc' is not a whole number.")]
    [InlineData("/pages?after=zz", "after", "'zz' is not a UUID.")]
    [InlineData("/pages?since=yesterday", "since", "'yesterday' is not a date and time such as 2026-01-31T09:00:00Z.")]
    [InlineData("/counted", "limit", "Required in the query string.")]
    [InlineData("/search?maxMoq=many", "maxMoq", "'many' is not a whole number.")]
    public async Task ParameterThatDoesNotBind_IsAValidationProblemNamingIt(string uri, string parameter, string rule)
    {
        var response = await Client.GetAsync(uri);

        var problem = await ProblemAsync(response);
        problem.GetProperty("errors").GetProperty(parameter)[0].GetString().ShouldBe(rule);
        problem.GetRawText().ShouldNotContain("Nullable");
    }

    [Fact]
    public async Task WellFormedRequests_StillPass()
    {
        (await Client.GetFromJsonAsync<int>("/pages?limit=7")).ShouldBe(7);
        var cart = await Client.PostAsJsonAsync("/carts", new Cart("DAP", [new CartLine("KR-P-000001", 3)]));
        (await cart.Content.ReadFromJsonAsync<int>()).ShouldBe(1);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
