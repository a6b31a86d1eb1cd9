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

/// <summary>Containers used against the lower bound and the First Fit Decreasing baseline, fill rates, splits, runtime.</summary>
internal sealed record PlanQualityResponse(
    int Containers,
    int LowerBound,
    int FirstFitDecreasing,
    double VolumeFill,
    double WeightFill,
    int SplitConsignments,
    int FlaggedConsignments,
    double RuntimeMs,
    string Method);

internal sealed record ShipmentSummary(Guid Id, string MasterBill, int ContainerNumber, string Status, int Consignments, decimal FreightAmount, string Currency)
{
    public static ShipmentSummary From(Shipment s) =>
        new(s.Id, s.MasterBill, s.ContainerNumber, s.Status.ToString(), s.Items.Count, s.FreightAmount, s.Currency);
}
