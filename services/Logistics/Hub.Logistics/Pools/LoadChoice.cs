using Hub.Logistics.Domain.Consignments;
using Hub.Logistics.Domain.Lanes;
using Hub.Logistics.Domain.Planning;
using Hub.Logistics.Domain.Pools;

namespace Hub.Logistics.Pools;

/// <summary>
/// Plans a pool on every container type of its lane and picks the cheapest way to ship it by the lane's rate card:
/// full containers (containers × rate of the type) or shared space (rate × chargeable weight). A type that would
/// leave consignments behind loses to one that takes them all.
/// </summary>
internal sealed record LoadChoice(ContainerType Container, ConsolidationPlan Plan, LoadMode Mode, decimal Cost)
{
    public static LoadChoice Choose(Lane lane, IReadOnlyList<Consignment> consignments, ConsolidationPlanner planner)
    {
        var planning = consignments
            .Select(c => new PlanningConsignment(c.Reference, [.. c.Cartons.Select(carton => carton.ToPlanning())]))
            .ToList();
        var best = lane.Containers
            .Select(type => (Type: type, Plan: planner.Plan(planning, type.ToSpec())))
            .Select(o => (o.Type, o.Plan, Cost: o.Plan.Quality.Containers * o.Type.FullLoadRate))
            .OrderBy(o => o.Plan.Rejected.Count)
            .ThenBy(o => o.Cost)
            .ThenBy(o => o.Plan.Quality.Containers)
            .First();

        var rejected = best.Plan.Rejected.Select(r => r.ConsignmentId).ToHashSet(StringComparer.Ordinal);
        var shared = lane.SharedRate * consignments.Where(c => !rejected.Contains(c.Reference)).Sum(c => c.ChargeableWeight);
        return shared < best.Cost
            ? new LoadChoice(best.Type, best.Plan, LoadMode.SharedSpace, shared)
            : new LoadChoice(best.Type, best.Plan, LoadMode.FullContainer, best.Cost);
    }
}
