namespace Hub.Logistics.Domain.Planning;

/// <summary>How long the planner may search beyond First Fit Decreasing.</summary>
/// <param name="TimeLimit">Wall-clock budget for the improvement phases together.</param>
/// <param name="ExactSearchMaxItems">Pools of at most this many items also get an exact branch-and-bound search.</param>
internal sealed record PlannerOptions(TimeSpan TimeLimit, int ExactSearchMaxItems)
{
    public static PlannerOptions Default { get; } = new(TimeSpan.FromSeconds(2), 30);
}
