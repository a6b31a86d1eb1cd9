using System.Net;
using System.Net.Http.Json;
using Hub.Contracts.Values;
using Hub.Gateway.Protection;
using Hub.Gateway.Tests.Fakes;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Server.Kestrel.Core;

namespace Hub.Gateway.Tests.Protection;

public sealed class ProxyTimeoutTests
{
    [Fact]
    public async Task Proxy_ServiceSlowerThanTheRouteTimeout_Is504ProblemSayingToSendAgain_ThenAFastAnswerPassesAsIs()
    {
        var slow = true;
        await using var taxRefund = await Backend.StartAsync(HttpProtocols.Http1, ports: 1, _ => { }, app => app.MapGet("/api/tax-refund/{**rest}",
            async (HttpContext context) =>
            {
                await Task.Delay(slow ? TimeSpan.FromSeconds(10) : TimeSpan.Zero, context.RequestAborted);
                return Results.BadRequest(new { answeredBy = "tax refund" });
            }));
        await using var gateway = new GatewayFactory(GatewaySettings.For("KR", ("Services:TaxRefund:Http", taxRefund.Urls.First()), ("Gateway:Timeouts:default", "00:00:01")));
        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestSecurity.Sme(CompanyId.Parse("KR-C-000001")));

        using var timedOut = await client.GetAsync("/api/tax-refund/claims/KR-R-000001");

        timedOut.StatusCode.ShouldBe(HttpStatusCode.GatewayTimeout);
        timedOut.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        (await timedOut.Content.ReadFromJsonAsync<ProblemDetails>())!.Detail.ShouldBe(ProxyTimeout.Detail);

        // The service's own 400 is not taken for a timeout.
        slow = false;
        using var answered = await client.GetAsync("/api/tax-refund/claims/KR-R-000001");

        answered.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await answered.Content.ReadAsStringAsync()).ShouldContain("tax refund");
    }

    [Fact]
    public async Task OrderTimelineStream_PassesEachEventAsItIsWritten_AndOutlivesTheRouteTimeout()
    {
        using var second = new SemaphoreSlim(0);
        await using var order = await Backend.StartAsync(HttpProtocols.Http1, ports: 1, _ => { }, app => app.MapGet("/api/order/orders/{id}/timeline/stream",
            async (HttpContext context) =>
            {
                context.Response.ContentType = "text/event-stream";
                await context.Response.WriteAsync("id: 1\nevent: step\ndata: {}\n\n", context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                // The next step comes later than the route timeout of every other call.
                await second.WaitAsync(context.RequestAborted);
                await context.Response.WriteAsync("id: 2\nevent: step\ndata: {}\n\n", context.RequestAborted);
            }));
        await using var gateway = new GatewayFactory(GatewaySettings.For("KR", ("Services:Order:Http", order.Urls.First()), ("Gateway:Timeouts:default", "00:00:01")));
        using var client = gateway.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", TestSecurity.Sme(CompanyId.Parse("KR-C-000001")));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        using var response = await client.GetAsync("/api/order/orders/KR-O-000001/timeline/stream", HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        (await reader.ReadLineAsync(timeout.Token)).ShouldBe("id: 1", "the first event arrives while the service still writes the stream");
        await Task.Delay(TimeSpan.FromSeconds(1.5), timeout.Token);
        second.Release();
        var rest = await reader.ReadToEndAsync(timeout.Token);
        rest.ShouldContain("id: 2");
    }
}
