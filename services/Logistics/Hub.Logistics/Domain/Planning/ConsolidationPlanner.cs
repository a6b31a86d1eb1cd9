using System.Diagnostics;

namespace Hub.Logistics.Domain.Planning;

/// <summary>
/// Packs a pool of consignments into the fewest containers of one type: First Fit Decreasing as the baseline, then
/// bin elimination by local search, then (for small pools) an exact branch-and-bound, each within the time limit.
/// A plan is never worse than First Fit Decreasing because every phase starts from the best plan so far.
/// </summary>
internal sealed class ConsolidationPlanner(PlannerOptions options)
{
    public const string FirstFitDecreasingMethod = "first-fit-decreasing";
    public const string BinEliminationMethod = "bin-elimination";
    public const string BranchAndBoundMethod = "branch-and-bound";

    public ConsolidationPlan Plan(IReadOnlyList<PlanningConsignment> consignments, ContainerSpec container)
    {
        ArgumentNullException.ThrowIfNull(consignments);
        ArgumentNullException.ThrowIfNull(container);
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(options.TimeLimit.TotalSeconds * Stopwatch.Frequency);

        var (parts, rejected) = ConsignmentParts.Build(consignments, container);
        var problem = new PackingProblem([.. parts.Select(p => p.Load)], container);

        var ffd = FirstFitDecreasing.Pack(problem);
        var best = ffd;
        var method = FirstFitDecreasingMethod;
        if (best.Count > problem.LowerBound)
        {
            var improved = BinElimination.Improve(problem, best, deadline);
            if (improved.Count < best.Count)
            {
                (best, method) = (improved, BinEliminationMethod);
            }
        }

        if (best.Count > problem.LowerBound && parts.Count <= options.ExactSearchMaxItems
            && BranchAndBound.Solve(problem, best.Count, deadline) is { } exact)
        {
            (best, method) = (exact, BranchAndBoundMethod);
        }

        var containers = best
            .Select((bin, i) => new PlannedContainer(i + 1, [.. bin.Items.Order().Select(item => parts[item])]))
            .ToList();
        var quality = Measure(containers, container, problem.LowerBound, ffd.Count, Stopwatch.GetElapsedTime(started), method);
        return new ConsolidationPlan(container, containers, rejected, quality);
    }

    private static PlanQuality Measure(
        IReadOnlyList<PlannedContainer> containers, ContainerSpec container, int lowerBound, int ffd, TimeSpan runtime, string method)
    {
        var loaded = containers.Aggregate(default(Load), (sum, c) => sum + c.Load);
        var count = containers.Count;
        var split = containers
            .SelectMany(c => c.Parts.Select(p => (c.Number, p.ConsignmentId)))
            .Distinct()
            .GroupBy(x => x.ConsignmentId)
            .Count(g => g.Count() > 1);
        return new PlanQuality(
            count,
            lowerBound,
            ffd,
            count == 0 ? 0 : (double)loaded.VolumeCm3 / (count * container.Capacity.VolumeCm3),
            count == 0 ? 0 : (double)loaded.WeightGrams / (count * container.Capacity.WeightGrams),
            split,
            runtime,
            method);
    }
}
