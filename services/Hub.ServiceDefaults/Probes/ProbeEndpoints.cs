using Hub.Platform.V1;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Hub.ServiceDefaults.Probes;

/// <summary>REST for operators (and only them): probe the service's messaging path end to end.</summary>
public static class ProbeEndpoints
{
    /// <summary>Maps <c>POST /api/&lt;service&gt;/probes</c> and <c>GET /api/&lt;service&gt;/probes/{id}</c>.</summary>
    public static IEndpointRouteBuilder MapProbeEndpoints(this IEndpointRouteBuilder routes, ServiceIdentity identity)
    {
        var probes = routes.MapGroup($"/api/{identity.Service}/probes").WithTags("Probes").RequireAuthorization(HubPolicies.Operator);
        probes.MapPost("/", SendProbe).WithName("SendProbe");
        probes.MapGet("/{id}", GetProbe).WithName("GetProbe");
        return routes;
    }

    private static async Task<Ok<ProbeReply>> SendProbe(MessagingProbeRunner runner, int? timeoutMs, CancellationToken cancellationToken) =>
        TypedResults.Ok(await runner.RunAsync(new ProbeRequest { TimeoutMs = timeoutMs ?? 0 }, cancellationToken));

    private static async Task<Results<Ok<ProbeReply>, ProblemHttpResult>> GetProbe(Guid id, MessagingProbeRunner runner, CancellationToken cancellationToken) =>
        await runner.FindAsync(id, cancellationToken) is { } reply
            ? TypedResults.Ok(reply)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Probe not found", detail: $"No probe {id} was sent by this service.");
}
