using Hub.Contracts.Values;
using Hub.Logistics.Data;
using Hub.Logistics.Domain.Freight;
using Hub.Logistics.Domain.Lanes;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Logistics.Endpoints;

/// <summary>Lanes with their schedules, containers and rate cards: everyone reads them, operators manage them.</summary>
internal static class LaneEndpoints
{
    public static void MapLaneEndpoints(this IEndpointRouteBuilder routes)
    {
        var lanes = routes.MapGroup("/api/logistics/lanes").WithTags("Lanes");
        lanes.MapGet("/", ListLanes).RequireAuthorization(HubPolicies.SmeOrOperator);
        lanes.MapGet("/{code}", GetLane).RequireAuthorization(HubPolicies.SmeOrOperator);
        lanes.MapPost("/", CreateLane).RequireAuthorization(HubPolicies.Operator);
        lanes.MapPut("/{code}", ReviseLane).RequireAuthorization(HubPolicies.Operator);
    }

    private static async Task<Ok<LaneResponse[]>> ListLanes(Caller caller, LogisticsDbContext db, CancellationToken cancellationToken)
    {
        var lanes = await db.Lanes.AsNoTracking().OrderBy(l => l.Code).ToListAsync(cancellationToken);
        return TypedResults.Ok(lanes.Select(LaneResponse.From).ToArray());
    }

    private static async Task<Results<Ok<LaneResponse>, ProblemHttpResult>> GetLane(
        string code, Caller caller, LogisticsDbContext db, CancellationToken cancellationToken) =>
        await db.Lanes.AsNoTracking().FirstOrDefaultAsync(l => l.Code == code, cancellationToken) is { } lane
            ? TypedResults.Ok(LaneResponse.From(lane))
            : NotFound(code);

    private static async Task<Results<Created<LaneResponse>, ValidationProblem, ProblemHttpResult>> CreateLane(
        LaneRequest request, Caller caller, LogisticsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var origin = HubId.TryParse(request.Origin, out var o) ? o : default;
        var destination = HubId.TryParse(request.Destination, out var d) ? d : default;
        var mode = Enum.TryParse<TransportMode>(request.Mode, ignoreCase: true, out var m) && Enum.IsDefined(m) ? m : default;
        if (origin == default)
        {
            errors["origin"] = [$"'{request.Origin}' is not a hub id."];
        }

        if (destination == default || destination == origin)
        {
            errors["destination"] = [$"'{request.Destination}' is not a hub id other than the origin."];
        }

        if (mode == default)
        {
            errors["mode"] = [$"'{request.Mode}' is not AIR or SEA."];
        }

        var terms = LaneTermsInput.Read(request, clock.GetUtcNow().UtcDateTime, errors);
        if (terms is null || errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var code = Lane.CodeFor(origin, destination, mode);
        if (await db.Lanes.AnyAsync(l => l.Code == code, cancellationToken))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Lane exists", detail: $"Lane {code} exists; revise it with PUT.");
        }

        var lane = Lane.Create(origin, destination, mode, terms);
        db.Lanes.Add(lane);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/logistics/lanes/{lane.Code}", LaneResponse.From(lane));
    }

    private static async Task<Results<Ok<LaneResponse>, ValidationProblem, ProblemHttpResult>> ReviseLane(
        string code, LaneRequest request, Caller caller, LogisticsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var lane = await db.Lanes.FirstOrDefaultAsync(l => l.Code == code, cancellationToken);
        if (lane is null)
        {
            return NotFound(code);
        }

        var errors = new Dictionary<string, string[]>();
        var terms = LaneTermsInput.Read(request, clock.GetUtcNow().UtcDateTime, errors);
        if (terms is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        lane.Revise(terms);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(LaneResponse.From(lane));
    }

    private static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Lane not found", detail: $"No lane {code}.");
}
