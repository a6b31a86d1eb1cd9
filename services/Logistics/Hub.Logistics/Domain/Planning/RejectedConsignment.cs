namespace Hub.Logistics.Domain.Planning;

/// <summary>A consignment the planner could not load, and why; the rest of the pool is planned without it.</summary>
internal sealed record RejectedConsignment(string ConsignmentId, string Reason);
