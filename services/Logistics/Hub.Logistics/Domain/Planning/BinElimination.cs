using System.Diagnostics;

namespace Hub.Logistics.Domain.Planning;

/// <summary>
/// Local search after First Fit Decreasing: take the least-filled container apart and push its items into the
/// others, swapping them for smaller items where they do not fit, until the container is empty (one fewer used)
/// or no swap makes progress (the attempt is undone).
/// </summary>
/// <remarks>
/// Every swap strictly lowers the total size of the items waiting for a place, so an attempt always ends.
/// </remarks>
internal static class BinElimination
{
    private const double Epsilon = 1e-12;
    private const int MaxRoundsPerAttempt = 10_000;

    public static List<Bin> Improve(PackingProblem problem, List<Bin> start, long deadline)
    {
        var bins = start.Select(b => b.Clone()).ToList();
        var improved = true;
        while (improved && bins.Count > problem.LowerBound && !Expired(deadline))
        {
            improved = false;
            foreach (var target in bins.OrderBy(b => problem.Container.SizeOf(b.Load)).ToList())
            {
                if (Expired(deadline))
                {
                    break;
                }

                var others = bins.Where(b => b != target).Select(b => b.Clone()).ToList();
                if (TryEmpty(problem, others, [.. target.Items], deadline))
                {
                    bins = others;
                    improved = true;
                    break;
                }
            }
        }

        return bins;
    }

    private static bool TryEmpty(PackingProblem problem, List<Bin> bins, List<int> waiting, long deadline)
    {
        for (var round = 0; round < MaxRoundsPerAttempt && !Expired(deadline); round++)
        {
            InsertWhereTheyFit(problem, bins, waiting);
            if (waiting.Count == 0)
            {
                return true;
            }

            // Largest waiting items first: their swaps free the most room per round.
            waiting.Sort((a, b) => problem.Sizes[b].CompareTo(problem.Sizes[a]));

            if (!TrySwapTwoForOne(problem, bins, waiting) && !TrySwapOneForOne(problem, bins, waiting) && !TrySwapOneForTwo(problem, bins, waiting))
            {
                return false;
            }
        }

        return false;
    }

    // Largest first, each into the container it leaves fullest.
    private static void InsertWhereTheyFit(PackingProblem problem, List<Bin> bins, List<int> waiting)
    {
        foreach (var item in waiting.OrderByDescending(i => problem.Sizes[i]).ToList())
        {
            Bin? best = null;
            var bestSize = double.MinValue;
            foreach (var bin in bins)
            {
                if (problem.Fits(bin, item) && problem.Container.SizeOf(bin.Load) > bestSize)
                {
                    best = bin;
                    bestSize = problem.Container.SizeOf(bin.Load);
                }
            }

            if (best is not null)
            {
                best.Add(item, problem.Loads[item]);
                waiting.Remove(item);
            }
        }
    }

    private static bool TrySwapTwoForOne(PackingProblem problem, List<Bin> bins, List<int> waiting)
    {
        for (var a = 0; a < waiting.Count; a++)
        {
            for (var b = a + 1; b < waiting.Count; b++)
            {
                var (first, second) = (waiting[a], waiting[b]);
                var incoming = problem.Loads[first] + problem.Loads[second];
                var incomingSize = problem.Sizes[first] + problem.Sizes[second];
                foreach (var bin in bins)
                {
                    foreach (var outgoing in bin.Items)
                    {
                        if (incomingSize > problem.Sizes[outgoing] + Epsilon
                            && (bin.Load - problem.Loads[outgoing] + incoming).FitsWithin(problem.Capacity))
                        {
                            Move(problem, bin, waiting, [first, second], [outgoing]);
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    private static bool TrySwapOneForOne(PackingProblem problem, List<Bin> bins, List<int> waiting)
    {
        foreach (var incoming in waiting)
        {
            foreach (var bin in bins)
            {
                foreach (var outgoing in bin.Items)
                {
                    if (problem.Sizes[incoming] > problem.Sizes[outgoing] + Epsilon
                        && (bin.Load - problem.Loads[outgoing] + problem.Loads[incoming]).FitsWithin(problem.Capacity))
                    {
                        Move(problem, bin, waiting, [incoming], [outgoing]);
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static bool TrySwapOneForTwo(PackingProblem problem, List<Bin> bins, List<int> waiting)
    {
        foreach (var incoming in waiting)
        {
            foreach (var bin in bins)
            {
                var items = bin.Items;
                for (var a = 0; a < items.Count; a++)
                {
                    for (var b = a + 1; b < items.Count; b++)
                    {
                        var (first, second) = (items[a], items[b]);
                        if (problem.Sizes[incoming] > problem.Sizes[first] + problem.Sizes[second] + Epsilon
                            && (bin.Load - problem.Loads[first] - problem.Loads[second] + problem.Loads[incoming]).FitsWithin(problem.Capacity))
                        {
                            Move(problem, bin, waiting, [incoming], [first, second]);
                            return true;
                        }
                    }
                }
            }
        }

        return false;
    }

    private static void Move(PackingProblem problem, Bin bin, List<int> waiting, int[] incoming, int[] outgoing)
    {
        foreach (var item in outgoing)
        {
            bin.Remove(item, problem.Loads[item]);
            waiting.Add(item);
        }

        foreach (var item in incoming)
        {
            bin.Add(item, problem.Loads[item]);
            waiting.Remove(item);
        }
    }

    private static bool Expired(long deadline) => Stopwatch.GetTimestamp() >= deadline;
}
