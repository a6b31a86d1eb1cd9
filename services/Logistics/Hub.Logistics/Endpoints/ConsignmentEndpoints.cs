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
    private const int PageSize = 100;

    public static void MapConsignmentEndpoints(this IEndpointRouteBuilder routes)
    {
        var consignments = routes.MapGroup("/api/logistics/consignments").WithTags("Consignments");
        consignments.MapGet("/", ListConsignments).RequireAuthorization(HubPolicies.SmeOrOperator);
        consignments.MapGet("/{id}", GetConsignment).RequireAuthorization(HubPolicies.SmeOrOperator);
        consignments.MapGet("/{id}/tracking", GetTracking).RequireAuthorization(HubPolicies.SmeOrOperator);
        consignments.MapPost("/{id}/tracking", RecordTracking).RequireAuthorization(HubPolicies.Operator);
    }

    private static async Task<Results<Ok<ConsignmentResponse[]>, ValidationProblem>> ListConsignments(
        Caller caller, LogisticsDbContext db, string? status, CancellationToken cancellationToken)
    {
        var query = db.Consignments.AsNoTracking();
        if (!caller.IsOperator)
        {
            var company = caller.Company?.ToString();
            query = query.Where(c => c.CompanyId == company);
        }

        if (status is not null)
        {
            if (!RequestValues.TryParseName<ConsignmentStatus>(status, out var parsed))
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = [$"'{status}' is not a consignment status."] });
            }

            query = query.Where(c => c.Status == parsed);
        }

        var page = await query.OrderByDescending(c => c.Number).Take(PageSize).ToListAsync(cancellationToken);
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
        var events = await db.TrackingEvents.AsNoTracking()
            .Where(t => t.ConsignmentNumber == consignment.Number || (t.ShipmentId != null && shipmentIds.Contains(t.ShipmentId.Value)))
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
