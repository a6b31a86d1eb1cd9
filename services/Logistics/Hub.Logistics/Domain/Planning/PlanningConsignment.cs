namespace Hub.Logistics.Domain.Planning;

/// <summary>One order's cartons, to be kept in one container whenever they fit in one.</summary>
internal sealed record PlanningConsignment(string Id, IReadOnlyList<PlanningCarton> Cartons)
{
    public Load Total => Cartons.Aggregate(default(Load), (sum, carton) => sum + carton.Load);
}
