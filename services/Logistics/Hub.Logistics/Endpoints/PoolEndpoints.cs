using Hub.Logistics.Data;
using Hub.Logistics.Domain.Pools;
using Hub.Logistics.Pools;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Logistics.Endpoints;

/// <summary>Operators watch pools, close one ahead of its cut-off, and read the plans with their quality figures.</summary>
internal static class PoolEndpoints
{
    /// <summary>Pools in a page when the caller names no <c>limit</c>.</summary>
    private const int DefaultPageSize = 100;

    /// <summary>The most pools a page holds.</summary>
    private const int MaxPageSize = 200;

    public static void MapPoolEndpoints(this IEndpointRouteBuilder routes)
    {
        var pools = routes.MapGroup("/api/logistics/pools").WithTags("Pools").RequireAuthorization(HubPolicies.Operator);
        pools.MapGet("/", ListPools);
        pools.MapGet("/{id}", GetPool);
        pools.MapPost("/{id}/close", ClosePool);
        pools.MapGet("/{id}/plan", GetPoolPlan);

        routes.MapGet("/api/logistics/plans/{id}", GetPlan).WithTags("Plans").RequireAuthorization(HubPolicies.Operator);
    }

    /// <summary>
    /// A page of the hub's pools, the latest opened first: at most <c>limit</c> (<see cref="DefaultPageSize"/> when
    /// absent, 1 to <see cref="MaxPageSize"/>, else a 400), opened before the pool <c>before</c> (the previous page's last one).
    /// </summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="db">The logistics database.</param>
    /// <param name="before">The id of the previous page's last pool; the page starts after it.</param>
    /// <param name="limit">The most pools the page holds.</param>
    /// <param name="cancellationToken">Ends the request.</param>
    private static async Task<Results<Ok<PoolResponse[]>, ValidationProblem>> ListPools(
        Caller caller, LogisticsDbContext db, string? before, int? limit, CancellationToken cancellationToken)
    {
        if (!RequestValues.TryPageSize(limit, DefaultPageSize, MaxPageSize, out var take))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [RequestValues.PageSizeRule(MaxPageSize)] });
        }

        var query = db.Pools.AsNoTracking();
        if (!string.IsNullOrEmpty(before))
        {
            // Keyed on the list's order rather than an offset: pools opened meanwhile do not shift the next page.
            var mark = Guid.TryParse(before, out var id)
                ? await db.Pools.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.OpenedAt, p.Id }).SingleOrDefaultAsync(cancellationToken)
                : null;
            if (mark is null)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["before"] = [$"'{before}' is not a pool of this list; pass the id of the previous page's last pool."],
                });
            }

            query = query.Where(p => EF.Functions.LessThan(ValueTuple.Create(p.OpenedAt, p.Id), ValueTuple.Create(mark.OpenedAt, mark.Id)));
        }

        var pools = await query.OrderByDescending(p => p.OpenedAt).ThenByDescending(p => p.Id).Take(take).ToListAsync(cancellationToken);
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
