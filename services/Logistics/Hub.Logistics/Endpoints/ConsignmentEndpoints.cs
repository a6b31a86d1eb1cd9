using Hub.Contracts.Values;
using Hub.Logistics.Data;
using Hub.Logistics.Domain.Consignments;
using Hub.Logistics.Tracking;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Logistics.Endpoints;

/// <summary>Consignments: an SME sees its own company's, an operator every one and records delivery milestones.</summary>
internal static class ConsignmentEndpoints
{
    /// <summary>Consignments in a page when the caller names no <c>limit</c>.</summary>
    private const int DefaultPageSize = 100;

    /// <summary>The most consignments a page holds.</summary>
    private const int MaxPageSize = 200;

    public static void MapConsignmentEndpoints(this IEndpointRouteBuilder routes)
    {
        var consignments = routes.MapGroup("/api/logistics/consignments").WithTags("Consignments")
            .RequireWellFormedId("id", ConsignmentId.Kind);
        consignments.MapGet("/", ListConsignments).RequireAuthorization(HubPolicies.SmeOrOperator);
        consignments.MapGet("/{id}", GetConsignment).RequireAuthorization(HubPolicies.SmeOrOperator);
        consignments.MapGet("/{id}/tracking", GetTracking).RequireAuthorization(HubPolicies.SmeOrOperator);
        consignments.MapPost("/{id}/tracking", RecordTracking).RequireAuthorization(HubPolicies.Operator);
    }

    /// <summary>
    /// A page of the consignments the caller sees (an SME its company's, an operator every one), newest first: at most
    /// <c>limit</c> (<see cref="DefaultPageSize"/> when absent, 1 to <see cref="MaxPageSize"/>, else a 400), booked
    /// before the consignment <c>before</c> (the previous page's last one), of one <c>status</c> when given.
    /// </summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="db">The logistics database.</param>
    /// <param name="status">Only consignments in this status, when given.</param>
    /// <param name="before">The id of the previous page's last consignment; the page starts after it.</param>
    /// <param name="limit">The most consignments the page holds.</param>
    /// <param name="cancellationToken">Ends the request.</param>
    private static async Task<Results<Ok<ConsignmentResponse[]>, ValidationProblem>> ListConsignments(
        Caller caller, LogisticsDbContext db, string? status, string? before, int? limit, CancellationToken cancellationToken)
    {
        if (!RequestValues.TryPageSize(limit, DefaultPageSize, MaxPageSize, out var take))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [RequestValues.PageSizeRule(MaxPageSize)] });
        }

        var visible = db.Consignments.AsNoTracking();
        if (!caller.IsOperator)
        {
            var company = caller.Company?.ToString();
            visible = visible.Where(c => c.CompanyId == company);
        }

        var query = visible;
        if (!string.IsNullOrEmpty(before))
        {
            // Keyed on the list's order rather than an offset: consignments booked meanwhile do not shift the next page.
            // Another company's consignment is no mark for an SME, just as an unknown one.
            var mark = await visible.Where(c => c.Reference == before).Select(c => (long?)c.Number).SingleOrDefaultAsync(cancellationToken);
            if (mark is not { } number)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]>
                {
                    ["before"] = [$"'{before}' is not a consignment of this list; pass the id of the previous page's last consignment."],
                });
            }

            query = query.Where(c => c.Number < number);
        }

        if (status is not null)
        {
            if (!RequestValues.TryParseName<ConsignmentStatus>(status, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"'{status}' is not a consignment status."] });
            }

            query = query.Where(c => c.Status == parsed);
        }

        var page = await query.OrderByDescending(c => c.Number).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(page.Select(ConsignmentResponse.From).ToArray());
    }

    private static async Task<Results<Ok<ConsignmentResponse>, ProblemHttpResult>> GetConsignment(
        string id, Caller caller, LogisticsDbContext db, CancellationToken cancellationToken)
    {
        var consignment = await db.Consignments.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == id, cancellationToken);

        // Another company's consignment answers as missing, so ids cannot be probed.
        return consignment is not null && caller.CanActFor(CompanyId.Parse(consignment.CompanyId))
            ? TypedResults.Ok(ConsignmentResponse.From(consignment))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Consignment not found", detail: $"No consignment {id}.");
    }

    private static async Task<Results<Ok<TrackingEventResponse[]>, ProblemHttpResult>> GetTracking(
        string id, Caller caller, LogisticsDbContext db, CancellationToken cancellationToken)
    {
        var consignment = await db.Consignments.AsNoTracking().FirstOrDefaultAsync(c => c.Reference == id, cancellationToken);
        if (consignment is null || !caller.CanActFor(CompanyId.Parse(consignment.CompanyId)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Consignment not found", detail: $"No consignment {id}.");
        }

        var shipments = await db.Shipments.AsNoTracking()
            .Where(s => s.Items.Any(i => i.ConsignmentNumber == consignment.Number))
            .Select(s => new { s.Id, s.MasterBill })
            .ToListAsync(cancellationToken);
        var bills = shipments.ToDictionary(s => s.Id, s => s.MasterBill);
        var shipmentIds = bills.Keys.ToList();
        var events = await db.TrackingEvents.AsNoTracking().Where(t => t.ConsignmentNumber == consignment.Number)
            .Concat(db.TrackingEvents.AsNoTracking().Where(t => t.ShipmentId != null && shipmentIds.Contains(t.ShipmentId.Value)))
            .OrderBy(t => t.OccurredAt).ThenBy(t => t.Id)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(events
            .Select(t => new TrackingEventResponse(t.Kind, t.OccurredAt, t.ShipmentId is { } s ? bills[s] : null))
            .ToArray());
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RecordTracking(
        string id, TrackingRequest request, Caller caller, TrackingRecorder recorder, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (TrackingResults.OccurredAt(request, clock.GetUtcNow().UtcDateTime, out var problem) is not { } at)
        {
            return problem!;
        }

        var result = await recorder.RecordConsignmentAsync(id, request.Kind ?? string.Empty, at, caller.Subject, cancellationToken);
        return TrackingResults.From(result, $"consignment {id}");
    }
}
