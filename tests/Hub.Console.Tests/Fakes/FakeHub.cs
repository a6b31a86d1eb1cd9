using System.Collections.Concurrent;
using System.Net;
using Hub.Contracts.Values;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace Hub.Console.Tests.Fakes;

/// <summary>
/// The rest of hub KR on real loopback ports: a gateway (token endpoint with the hub file's demo users, readiness that
/// names each service and partner, <c>/api/&lt;service&gt;/**</c> forwarded to the real services the tests host) and a
/// Catalog service that is ready and exports outbox metrics. Order listens nowhere.
/// </summary>
internal sealed class FakeHub : IAsyncDisposable
{
    public const string OperatorUser = "kr-operator";
    public const string OperatorPassword = "operator-demo";
    public const string SmeUser = "kr-buyer";
    public const string SmePassword = "buyer-demo";

    private readonly WebApplication _gateway;
    private readonly ConcurrentDictionary<string, HttpClient> _routes = new(StringComparer.OrdinalIgnoreCase);
    private readonly WebApplication _catalog;

    private FakeHub(WebApplication gateway, WebApplication catalog, string order)
    {
        _gateway = gateway;
        _catalog = catalog;
        Order = order;
    }

    public string Gateway => _gateway.Urls.Single();

    public string Catalog => _catalog.Urls.Single();

    public string Order { get; }

    /// <summary>Sends <c>/api/&lt;service&gt;/**</c> to <paramref name="service"/> (a hosted service's in-memory client), as the gateway's routes do.</summary>
    public void Route(string service, HttpClient client) => _routes[service] = client;

    /// <summary>The Authorization header of the last readiness request the gateway saw.</summary>
    public string? LastAuthorization { get; private set; }

    public static async Task<FakeHub> StartAsync()
    {
        FakeHub? hub = null;
        var gateway = await StartAsync(app =>
        {
            app.MapPost("/api/identity/token", (TokenRequest request) => Token(request));
            app.MapGet("/health/live", () => Results.Ok());
            app.Map("/api/{service}/{**rest}", (HttpContext context, string service) => hub!.ForwardAsync(context, service));
            app.MapGet("/health/ready", (HttpContext context) =>
            {
                hub!.LastAuthorization = context.Request.Headers.Authorization.ToString();
                return Results.Json(new
                {
                    status = "Unhealthy",
                    checks = new Dictionary<string, object>
                    {
                        ["hub"] = new { status = "Unhealthy", description = "service:Catalog ready, service:Order not ready, partner:CN reachable" },
                    },
                }, statusCode: StatusCodes.Status503ServiceUnavailable);
            });
        });
        var catalog = await StartAsync(app =>
        {
            app.MapGet("/health/ready", () => Results.Json(new
            {
                status = "Healthy",
                checks = new Dictionary<string, object> { ["database"] = new { status = "Healthy", description = "migrated" } },
            }));
            app.MapGet("/metrics", () => Results.Text(CatalogMetrics, "text/plain; version=0.0.4"));
        });
        hub = new FakeHub(gateway, catalog, ClosedAddress());
        return hub;
    }

    public const string CatalogMetrics = """
        # TYPE hub_outbox_pending gauge
        hub_outbox_pending{otel_scope_name="Hub.Messaging"} 7
        # TYPE hub_outbox_oldest_pending_age_seconds gauge
        hub_outbox_oldest_pending_age_seconds{otel_scope_name="Hub.Messaging"} 2.5
        # TYPE hub_outbox_lag_seconds histogram
        hub_outbox_lag_seconds_bucket{otel_scope_name="Hub.Messaging",le="0.01"} 3
        hub_outbox_lag_seconds_sum{otel_scope_name="Hub.Messaging"} 0.25
        hub_outbox_lag_seconds_count{otel_scope_name="Hub.Messaging"} 10
        # TYPE hub_outbox_published_total counter
        hub_outbox_published_total{otel_scope_name="Hub.Messaging"} 10 1700000000000
        """;

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _catalog.DisposeAsync();
    }

    public static string ClosedAddress() => TestPorts.FreeAddress();

    private async Task ForwardAsync(HttpContext context, string service)
    {
        if (!_routes.TryGetValue(service, out var client))
        {
            await Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No route", detail: $"The gateway has no route to {service}.").ExecuteAsync(context);
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), context.Request.Path + context.Request.QueryString);
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            body.Position = 0;
            request.Content = new StreamContent(body);
            request.Content.Headers.TryAddWithoutValidation("Content-Type", context.Request.ContentType);
        }

        request.Headers.TryAddWithoutValidation("Authorization", context.Request.Headers.Authorization.ToString());
        using var response = await client.SendAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        if (response.Content.Headers.ContentType is { } type)
        {
            context.Response.ContentType = type.ToString();
        }

        await response.Content.CopyToAsync(context.Response.Body);
    }

    private static IResult Token(TokenRequest request) => (request.User, request.Password) switch
    {
        (OperatorUser, OperatorPassword) => Results.Ok(new
        {
            accessToken = TestSecurity.Operator(HubId.Parse("KR"), OperatorUser), tokenType = "Bearer", expiresIn = 3600, role = "operator", hub = "KR", company = (string?)null,
        }),
        (SmeUser, SmePassword) => Results.Ok(new
        {
            accessToken = TestSecurity.Sme(CompanyId.Parse("KR-C-000001"), SmeUser), tokenType = "Bearer", expiresIn = 3600, role = "sme", hub = "KR", company = "KR-C-000001",
        }),
        _ => Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unknown user or wrong password."),
    };

    private static async Task<WebApplication> StartAsync(Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        map(app);
        await app.StartAsync();
        return app;
    }

    private sealed record TokenRequest(string? User, string? Password);
}
