namespace Hub.Logistics.Domain.Planning;

/// <summary>
/// Turns consignments into the items the planner packs: a whole consignment when it fits in one container, otherwise
/// its cartons grouped into as few container-sized parts as First Fit Decreasing finds (so it is split no more than needed).
/// </summary>
internal static class ConsignmentParts
{
    public static (List<PlannedPart> Parts, List<RejectedConsignment> Rejected) Build(
        IReadOnlyList<PlanningConsignment> consignments, ContainerSpec container)
    {
        var parts = new List<PlannedPart>();
        var rejected = new List<RejectedConsignment>();
        foreach (var consignment in consignments)
        {
            if (Problem(consignment, container) is { } reason)
            {
                rejected.Add(new RejectedConsignment(consignment.Id, reason));
                continue;
            }

            if (consignment.Total.FitsWithin(container.Capacity))
            {
                parts.Add(new PlannedPart(consignment.Id, [.. Enumerable.Range(0, consignment.Cartons.Count)], consignment.Total));
                continue;
            }

            var cartons = new PackingProblem([.. consignment.Cartons.Select(c => c.Load)], container);
            parts.AddRange(FirstFitDecreasing.Pack(cartons).Select(bin => new PlannedPart(consignment.Id, [.. bin.Items.Order()], bin.Load)));
        }

        return (parts, rejected);
    }

    private static string? Problem(PlanningConsignment consignment, ContainerSpec container)
    {
        if (consignment.Cartons.Count == 0)
        {
            return "The consignment has no cartons.";
        }

        if (consignment.Cartons.Any(c => c.Load.VolumeCm3 <= 0 || c.Load.WeightGrams <= 0))
        {
            return "A carton has no volume or no weight.";
        }

        return consignment.Cartons.Any(c => !c.Load.FitsWithin(container.Capacity))
            ? $"A carton exceeds the usable volume or payload of a {container.Code}."
            : null;
    }
}
