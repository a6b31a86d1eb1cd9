using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Hub.Customs.Tests.Endpoints;

public sealed class ScreeningEndpointTests(CustomsHost host) : IClassFixture<CustomsHost>
{
    public static TheoryData<string> ThresholdsThatAreNotNumbers => new()
    {
        """{"threshold":"NaN"}""",
        """{"threshold":"Infinity"}""",
        """{"threshold":"-Infinity"}""",
    };

    [Theory]
    [MemberData(nameof(ThresholdsThatAreNotNumbers))]
    public async Task SetThreshold_NotAFiniteNumber_IsRefusedAndScreeningStillHits(string body)
    {
        using var op = host.Operator();
        var before = await op.GetFromJsonAsync<JsonElement>("/api/customs/screening");

        var response = await op.PutAsync("/api/customs/screening/threshold", new StringContent(body, Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var after = await op.GetFromJsonAsync<JsonElement>("/api/customs/screening");
        after.GetProperty("threshold").GetDouble().ShouldBe(before.GetProperty("threshold").GetDouble());
        after.GetProperty("version").GetInt32().ShouldBe(before.GetProperty("version").GetInt32());
        var check = await op.PostAsJsonAsync("/api/customs/screening/check", new { names = new[] { "Orion Star Shipping SDN BHD" } });
        check.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await check.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("hit").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task SetThreshold_WithinRange_IsKept()
    {
        using var op = host.Operator();

        var response = await op.PutAsJsonAsync("/api/customs/screening/threshold", new { threshold = 0.9 });

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await op.GetFromJsonAsync<JsonElement>("/api/customs/screening")).GetProperty("threshold").GetDouble().ShouldBe(0.9);
    }
}
