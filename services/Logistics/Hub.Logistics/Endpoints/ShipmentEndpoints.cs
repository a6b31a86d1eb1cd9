using Hub.Logistics.Data;
using Hub.Logistics.Tracking;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Hub.Logistics.Endpoints;

/// <summary>Shipments for operators, who (or a carrier feed acting as one) record departure and arrival.</summary>
internal static class ShipmentEndpoints
{
    public static void MapShipmentEndpoints(this IEndpointRouteBuilder routes)
    {
        var shipments = routes.MapGroup("/api/logistics/shipments").WithTags("Shipments").RequireAuthorization(HubPolicies.Operator);
        shipments.MapGet("/{id}", GetShipment);
        shipments.MapPost("/{id}/tracking", RecordTracking);
    }

    private static async Task<Results<Ok<ShipmentResponse>, ProblemHttpResult>> GetShipment(Guid id, Caller caller, LogisticsDbContext db, CancellationToken cancellationToken) =>
        await db.Shipments.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is { } shipment
            ? TypedResults.Ok(ShipmentResponse.From(shipment))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Shipment not found", detail: $"No shipment {id}.");

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RecordTracking(
        Guid id, TrackingRequest request, Caller caller, TrackingRecorder recorder, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (TrackingResults.OccurredAt(request, clock.GetUtcNow().UtcDateTime, out var problem) is not { } at)
        {
            return problem!;
        }

        var result = await recorder.RecordShipmentAsync(id, request.Kind ?? string.Empty, at, caller.Subject, cancellationToken);
        return TrackingResults.From(result, $"shipment {id}");
    }
}
