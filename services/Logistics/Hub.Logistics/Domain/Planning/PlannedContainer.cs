namespace Hub.Logistics.Domain.Planning;

/// <summary>One container of a plan and what goes into it.</summary>
internal sealed record PlannedContainer(int Number, IReadOnlyList<PlannedPart> Parts)
{
    public Load Load => Parts.Aggregate(default(Load), (sum, part) => sum + part.Load);
}
