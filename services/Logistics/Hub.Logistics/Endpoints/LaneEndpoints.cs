using Hub.Contracts.Values;
using Hub.Logistics.Data;
using Hub.Logistics.Domain.Freight;
using Hub.Logistics.Domain.Lanes;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hub.Logistics.Endpoints;

/// <summary>
/// Lanes with their schedules, containers and rate cards: everyone reads them (the terms in force and the revisions
/// scheduled), operators manage them.
/// </summary>
internal static class LaneEndpoints
{
    public static void MapLaneEndpoints(this IEndpointRouteBuilder routes)
    {
        var lanes = routes.MapGroup("/api/logistics/lanes").WithTags("Lanes");
        lanes.MapGet("/", ListLanes).RequireAuthorization(HubPolicies.SmeOrOperator);
        lanes.MapGet("/{code}", GetLane).RequireAuthorization(HubPolicies.SmeOrOperator);
        lanes.MapPost("/", CreateLane).RequireAuthorization(HubPolicies.Operator);
        lanes.MapPut("/{code}", ReviseLane).RequireAuthorization(HubPolicies.Operator);
        lanes.MapDelete("/{code}/scheduled/{id}", Unschedule).RequireAuthorization(HubPolicies.Operator);
    }

    private static async Task<Ok<LaneResponse[]>> ListLanes(Caller caller, LogisticsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var lanes = await db.Lanes.AsNoTracking().OrderBy(l => l.Code).ToListAsync(cancellationToken);
        lanes.ForEach(l => l.ApplyDue(now));
        return TypedResults.Ok(lanes.Select(LaneResponse.From).ToArray());
    }

    private static async Task<Results<Ok<LaneResponse>, ProblemHttpResult>> GetLane(
        string code, Caller caller, LogisticsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var lane = await db.Lanes.AsNoTracking().FirstOrDefaultAsync(l => l.Code == code, cancellationToken);
        if (lane is null)
        {
            return NotFound(code);
        }

        lane.ApplyDue(clock.GetUtcNow().UtcDateTime);
        return TypedResults.Ok(LaneResponse.From(lane));
    }

    private static async Task<Results<Created<LaneResponse>, ValidationProblem, ProblemHttpResult>> CreateLane(
        LaneRequest request, Caller caller, LogisticsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var origin = HubId.TryParse(request.Origin, out var o) ? o : default;
        var destination = HubId.TryParse(request.Destination, out var d) ? d : default;
        var mode = RequestValues.TryParseName<TransportMode>(request.Mode, out var m) ? m : default;
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

        var now = clock.GetUtcNow().UtcDateTime;
        var terms = LaneTermsInput.Read(request, now, errors);
        if (terms?.ValidFrom > now)
        {
            errors["validFrom"] = ["A new lane's terms are in force from its creation: leave validFrom out, and schedule later terms with PUT."];
        }

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

        var now = clock.GetUtcNow().UtcDateTime;
        var errors = new Dictionary<string, string[]>();
        var terms = LaneTermsInput.Read(request, now, errors);
        if (terms is null)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (terms.ValidFrom <= now)
        {
            // In force now, it supersedes the revisions due within the minute a caller's "now" may be ahead (the one it
            // was sent to replace among them).
            lane.ApplyDue(now + LaneTermsInput.AheadTolerance);
            lane.Revise(terms);
        }
        else
        {
            lane.ApplyDue(now);
            if (!lane.HasRoomFor(terms.ValidFrom))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Too many scheduled revisions",
                    detail: $"Lane {code} has {Lane.MaxScheduled} revisions scheduled; withdraw one or replace one by giving its validFrom.");
            }

            lane.Schedule(terms, now);
        }

        return await SaveAsync(db, lane, cancellationToken) is { } conflict ? conflict : TypedResults.Ok(LaneResponse.From(lane));
    }

    private static async Task<Results<Ok<LaneResponse>, ProblemHttpResult>> Unschedule(
        string code, Guid id, Caller caller, LogisticsDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var lane = await db.Lanes.FirstOrDefaultAsync(l => l.Code == code, cancellationToken);
        if (lane is null)
        {
            return NotFound(code);
        }

        lane.ApplyDue(clock.GetUtcNow().UtcDateTime);
        if (!lane.Unschedule(id))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Scheduled revision not found",
                detail: $"Lane {code} has no revision {id} still to come into force.");
        }

        return await SaveAsync(db, lane, cancellationToken) is { } conflict ? conflict : TypedResults.Ok(LaneResponse.From(lane));
    }

    /// <summary>Saves an operator's change; null when saved, a 409 when another was made to the lane's schedule meanwhile.</summary>
    private static async Task<ProblemHttpResult?> SaveAsync(
        LogisticsDbContext db, Lane lane, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Lane changed meanwhile",
                detail: $"Lane {lane.Code} was revised by another request at the same time; read it again and retry.");
        }

        return null;
    }

    private static ProblemHttpResult NotFound(string code) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Lane not found", detail: $"No lane {code}.");
}
