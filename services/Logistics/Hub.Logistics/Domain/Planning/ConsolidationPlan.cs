namespace Hub.Logistics.Domain.Planning;

/// <summary>The result of planning one pool on one container type.</summary>
internal sealed record ConsolidationPlan(
    ContainerSpec Container,
    IReadOnlyList<PlannedContainer> Containers,
    IReadOnlyList<RejectedConsignment> Rejected,
    PlanQuality Quality);
