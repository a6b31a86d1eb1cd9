using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Hub.ServiceDefaults.Tests.Problems;

public sealed class DatabaseOutageProblemTests() : DefaultsTestApp("problem-test")
{
    protected override void Map(WebApplication app)
    {
        app.MapGet("/down", string () => throw new InvalidOperationException(
            "An exception has been raised that is likely due to a transient failure.",
            new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused))));
        app.MapGet("/broken", string () => throw new InvalidOperationException("A defect."));
        app.MapGet("/upstream", () => Results.Problem(statusCode: 503, title: "A service the order needs did not answer"));
        app.MapGet("/upstream-later", (HttpContext context) =>
        {
            context.Response.Headers.RetryAfter = "60";
            return Results.Problem(statusCode: 503, title: "Not until later");
        });
    }

    [Fact]
    public async Task RequestTheDatabaseDidNotAnswer_Is503WithRetryAfter()
    {
        var response = await Client.GetAsync("/down");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        var problem = (await response.Content.ReadFromJsonAsync<ProblemDetails>())!;
        problem.Title.ShouldBe("The service's database did not answer");
        problem.Status.ShouldBe(503);
    }

    [Fact]
    public async Task ServiceUnavailableProblem_SaysWhenToTryAgain()
    {
        var response = await Client.GetAsync("/upstream");

        response.StatusCode.ShouldBe(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(5));
        (await Client.GetAsync("/upstream-later")).Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(60), "a writer's own Retry-After stands");
    }

    [Fact]
    public async Task OtherFailure_StaysA500()
    {
        var response = await Client.GetAsync("/broken");

        response.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        response.Headers.RetryAfter.ShouldBeNull();
    }
}
