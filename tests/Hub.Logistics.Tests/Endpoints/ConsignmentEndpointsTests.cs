using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
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
}
