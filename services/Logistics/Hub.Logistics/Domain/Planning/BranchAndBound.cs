using System.Diagnostics;

namespace Hub.Logistics.Domain.Planning;

/// <summary>
/// Exact search for small pools: items largest first, each into an existing container or one new container,
/// pruned when the remaining volume or weight cannot fit in fewer containers than the best plan so far.
/// Stops at the lower bound, the deadline or the node budget; returns a better plan only when it finds one.
/// </summary>
internal sealed class BranchAndBound
{
    private const long MaxNodes = 5_000_000;

    private readonly PackingProblem _problem;
    private readonly long _deadline;
    private readonly int[] _order;
    private readonly Load[] _remainingAfter;
    private readonly List<Bin> _bins = [];
    private List<Bin>? _best;
    private int _bestCount;
    private long _nodes;
    private bool _stopped;

    private BranchAndBound(PackingProblem problem, int upperBound, long deadline)
    {
        _problem = problem;
        _deadline = deadline;
        _bestCount = upperBound;
        _order = problem.Decreasing();
        _remainingAfter = new Load[_order.Length + 1];
        for (var k = _order.Length - 1; k >= 0; k--)
        {
            _remainingAfter[k] = _remainingAfter[k + 1] + problem.Loads[_order[k]];
        }
    }

    public static List<Bin>? Solve(PackingProblem problem, int upperBound, long deadline)
    {
        var search = new BranchAndBound(problem, upperBound, deadline);
        search.Place(0);
        return search._best;
    }

    private void Place(int k)
    {
        if (_stopped || ++_nodes > MaxNodes || ((_nodes & 1023) == 0 && Stopwatch.GetTimestamp() >= _deadline))
        {
            _stopped = true;
            return;
        }

        if (k == _order.Length)
        {
            _best = _bins.Select(b => b.Clone()).ToList();
            _bestCount = _bins.Count;
            _stopped = _bestCount <= _problem.LowerBound;
            return;
        }

        if (CannotBeatBest(k))
        {
            return;
        }

        var item = _order[k];
        var load = _problem.Loads[item];
        for (var i = 0; i < _bins.Count && !_stopped; i++)
        {
            var bin = _bins[i];
            if (!_problem.Fits(bin, item) || SameLoadTriedBefore(i))
            {
                continue;
            }

            bin.Add(item, load);
            Place(k + 1);
            bin.Remove(item, load);
        }

        if (!_stopped && _bins.Count + 1 < _bestCount)
        {
            var fresh = new Bin();
            fresh.Add(item, load);
            _bins.Add(fresh);
            Place(k + 1);
            _bins.RemoveAt(_bins.Count - 1);
        }
    }

    // What is left must fit into the free room of the open containers plus the containers we may still open.
    private bool CannotBeatBest(int k)
    {
        var spare = _bestCount - 1 - _bins.Count;
        if (spare < 0)
        {
            return true;
        }

        var capacity = _problem.Capacity;
        var free = new Load(spare * capacity.VolumeCm3, spare * capacity.WeightGrams);
        foreach (var bin in _bins)
        {
            free += capacity - bin.Load;
        }

        return !_remainingAfter[k].FitsWithin(free);
    }

    // Two containers holding the same load are interchangeable; trying the second repeats the first.
    private bool SameLoadTriedBefore(int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (_bins[i].Load == _bins[index].Load)
            {
                return true;
            }
        }

        return false;
    }
}
