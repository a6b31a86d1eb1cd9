using Hub.Logistics.Data;
using Hub.Logistics.Domain.Pools;
using Hub.Logistics.Pools;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Logistics.Endpoints;

/// <summary>Operators watch pools, close one ahead of its cut-off, and read the plans with their quality figures.</summary>
internal static class PoolEndpoints
{
    public static void MapPoolEndpoints(this IEndpointRouteBuilder routes)
    {
        var pools = routes.MapGroup("/api/logistics/pools").WithTags("Pools").RequireAuthorization(HubPolicies.Operator);
        pools.MapGet("/", ListPools);
        pools.MapGet("/{id:guid}", GetPool);
        pools.MapPost("/{id:guid}/close", ClosePool);
        pools.MapGet("/{id:guid}/plan", GetPoolPlan);

        routes.MapGet("/api/logistics/plans/{id:guid}", GetPlan).WithTags("Plans").RequireAuthorization(HubPolicies.Operator);
    }

    private static async Task<Ok<PoolResponse[]>> ListPools(Caller caller, LogisticsDbContext db, CancellationToken cancellationToken)
    {
        var pools = await db.Pools.AsNoTracking().OrderByDescending(p => p.OpenedAt).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok(pools.Select(PoolResponse.From).ToArray());
    }

    private static async Task<Results<Ok<PoolResponse>, ProblemHttpResult>> GetPool(Guid id, Caller caller, LogisticsDbContext db, CancellationToken cancellationToken) =>
        await db.Pools.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } pool
            ? TypedResults.Ok(PoolResponse.From(pool))
            : NotFound("pool", id);

    private static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> ClosePool(
        Guid id, Caller caller, PoolCloser closer, LogisticsDbContext db, CancellationToken cancellationToken)
    {
        var plan = await closer.CloseAsync(id, Pool.OperatorReason, cancellationToken);
        return plan is null ? NotFound("pool", id) : TypedResults.Ok(await ResponseAsync(db, plan, cancellationToken));
    }

    private static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> GetPoolPlan(Guid id, Caller caller, LogisticsDbContext db, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.PoolId == id, cancellationToken) is { } plan
            ? TypedResults.Ok(await ResponseAsync(db, plan, cancellationToken))
            : NotFound("plan for pool", id);

    private static async Task<Results<Ok<PlanResponse>, ProblemHttpResult>> GetPlan(Guid id, Caller caller, LogisticsDbContext db, CancellationToken cancellationToken) =>
        await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken) is { } plan
            ? TypedResults.Ok(await ResponseAsync(db, plan, cancellationToken))
            : NotFound("plan", id);

    private static async Task<PlanResponse> ResponseAsync(LogisticsDbContext db, PoolPlan plan, CancellationToken cancellationToken)
    {
        var shipments = await db.Shipments.AsNoTracking().Where(s => s.PlanId == plan.Id).ToListAsync(cancellationToken);
        return PlanResponse.From(plan, shipments);
    }

    private static ProblemHttpResult NotFound(string what, Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No {what} {id}.");
}
