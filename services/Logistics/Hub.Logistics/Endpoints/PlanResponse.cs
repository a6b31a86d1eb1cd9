using Hub.Logistics.Domain.Pools;
using Hub.Logistics.Domain.Shipments;

namespace Hub.Logistics.Endpoints;

internal sealed record PlanResponse(
    Guid Id,
    Guid PoolId,
    string ContainerCode,
    string Mode,
    PlanQualityResponse Quality,
    decimal Cost,
    string Currency,
    DateTime CreatedAt,
    ShipmentSummary[] Shipments)
{
    public static PlanResponse From(PoolPlan plan, IEnumerable<Shipment> shipments) => new(
        plan.Id, plan.PoolId, plan.ContainerCode, plan.Mode.ToString(),
        new PlanQualityResponse(plan.Containers, plan.LowerBound, plan.FirstFitDecreasing, plan.VolumeFill, plan.WeightFill,
            plan.SplitConsignments, plan.FlaggedConsignments, plan.RuntimeMs, plan.Method),
        plan.Cost, plan.Currency, plan.CreatedAt,
        [.. shipments.OrderBy(s => s.ContainerNumber).Select(ShipmentSummary.From)]);
}
