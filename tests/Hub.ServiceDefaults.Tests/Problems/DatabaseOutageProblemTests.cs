using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Hub.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Hub.ServiceDefaults.Tests.Problems;

public sealed class DatabaseOutageProblemTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(TestSecurity.Settings().Append(new("Hub:Id", "KR")));
        builder.AddServiceDefaults("problem-test");
        _app = builder.Build();
        _app.MapDefaultEndpoints();
        _app.MapGet("/down", string () => throw new InvalidOperationException(
            "An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused))));
        _app.MapGet("/broken", string () => throw new InvalidOperationException("A defect."));
        _app.MapGet("/upstream", () => Results.Problem(statusCode: 503, title: "A service the order needs did not answer"));
        _app.MapGet("/upstream-later", (HttpContext context) =>
        {
            context.Response.Headers.RetryAfter = "60";
            return Results.Problem(statusCode: 503, title: "Not until later");
        });
        await _app.StartAsync();
        _client = _app.GetTestClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task RequestTheDatabaseDidNotAnswer_Is503WithRetryAfter()
    {
        var response = await _client.GetAsync("/down");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
        problem.Title.ShouldBe("The service's database did not answer");
        problem.Status.ShouldBe(503);
    }

    [Fact]
    public async Task ServiceUnavailableProblem_SaysWhenToTryAgain()
    {
        var response = await _client.GetAsync("/upstream");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        (await _client.GetAsync("/upstream-later")).Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60), "a writer's own Retry-After stands");
    }

    [Fact]
    public async Task OtherFailure_StaysA500()
    {
        var response = await _client.GetAsync("/broken");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Headers.RetryAfter.ShouldBeNull();
    }
}
