namespace Hub.Logistics.Domain.Planning;

/// <summary>Items to pack into identical containers, with each item's size precomputed for ordering.</summary>
internal sealed class PackingProblem
{
    public PackingProblem(IReadOnlyList<Load> loads, ContainerSpec container)
    {
        Loads = loads;
        Container = container;
        Sizes = loads.Select(container.SizeOf).ToArray();
        var total = loads.Aggregate(default(Load), (sum, load) => sum + load);
        LowerBound = loads.Count == 0
            ? 0
            : (int)Math.Max(CeilingDivide(total.VolumeCm3, container.Capacity.VolumeCm3), CeilingDivide(total.WeightGrams, container.Capacity.WeightGrams));
    }

    public IReadOnlyList<Load> Loads { get; }

    public ContainerSpec Container { get; }

    public IReadOnlyList<double> Sizes { get; }

    /// <summary>max(⌈Σ volume / usable volume⌉, ⌈Σ weight / payload⌉).</summary>
    public int LowerBound { get; }

    public Load Capacity => Container.Capacity;

    public bool Fits(Bin bin, int item) => (bin.Load + Loads[item]).FitsWithin(Capacity);

    /// <summary>Item indexes, largest first by their tighter dimension, then by both added (ties by index, so runs repeat).</summary>
    public int[] Decreasing() =>
        [.. Enumerable.Range(0, Loads.Count)
            .OrderByDescending(i => Math.Max((double)Loads[i].VolumeCm3 / Capacity.VolumeCm3, (double)Loads[i].WeightGrams / Capacity.WeightGrams))
            .ThenByDescending(i => Sizes[i])
            .ThenBy(i => i)];

    private static long CeilingDivide(long numerator, long denominator) => (numerator + denominator - 1) / denominator;
}
