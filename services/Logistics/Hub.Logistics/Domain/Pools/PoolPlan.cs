using Hub.Logistics.Domain.Planning;

namespace Hub.Logistics.Domain.Pools;

/// <summary>The consolidation plan a closed pool became, with its quality figures.</summary>
internal sealed class PoolPlan
{
    private PoolPlan()
    {
        ContainerCode = Method = Currency = string.Empty;
    }

    public Guid Id { get; private set; }

    public Guid PoolId { get; private set; }

    public Guid LaneId { get; private set; }

    public string ContainerCode { get; private set; }

    public LoadMode Mode { get; private set; }

    public int Containers { get; private set; }

    public int LowerBound { get; private set; }

    public int FirstFitDecreasing { get; private set; }

    public double VolumeFill { get; private set; }

    public double WeightFill { get; private set; }

    public int SplitConsignments { get; private set; }

    public int FlaggedConsignments { get; private set; }

    public double RuntimeMs { get; private set; }

    public string Method { get; private set; }

    /// <summary>Total freight of the plan in <see cref="Currency"/>.</summary>
    public decimal Cost { get; private set; }

    public string Currency { get; private set; }

    public DateTime CreatedAt { get; private set; }

    public static PoolPlan From(Pool pool, ConsolidationPlan plan, LoadMode mode, decimal cost, string currency, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        PoolId = pool.Id,
        LaneId = pool.LaneId,
        ContainerCode = plan.Container.Code,
        Mode = mode,
        Containers = plan.Quality.Containers,
        LowerBound = plan.Quality.LowerBound,
        FirstFitDecreasing = plan.Quality.FirstFitDecreasing,
        VolumeFill = plan.Quality.VolumeFill,
        WeightFill = plan.Quality.WeightFill,
        SplitConsignments = plan.Quality.SplitConsignments,
        FlaggedConsignments = plan.Rejected.Count,
        RuntimeMs = plan.Quality.Runtime.TotalMilliseconds,
        Method = plan.Quality.Method,
        Cost = cost,
        Currency = currency,
        CreatedAt = now,
    };
}
