namespace Hub.Logistics.Domain.Pools;

/// <summary>The consignments waiting on one lane for one cut-off, with their running totals.</summary>
internal sealed class Pool
{
    private Pool()
    {
    }

    public Guid Id { get; private set; }

    public Guid LaneId { get; private set; }

    public DateTime CutOffAt { get; private set; }

    public PoolStatus Status { get; private set; }

    public int Consignments { get; private set; }

    public decimal VolumeCm3 { get; private set; }

    public decimal WeightKg { get; private set; }

    public DateTime OpenedAt { get; private set; }

    public DateTime? ClosedAt { get; private set; }

    /// <summary>Why the pool stopped taking consignments: <see cref="CutOffReason"/> or <see cref="FillReason"/>.</summary>
    public string? CloseReason { get; private set; }

    public uint Version { get; private set; }

    public const string CutOffReason = "cut-off";
    public const string FillReason = "fill-threshold";
    public const string OperatorReason = "operator";

    public static Pool Open(Guid laneId, DateTime cutOffAt, DateTime now) => new()
    {
        Id = Guid.CreateVersion7(),
        LaneId = laneId,
        CutOffAt = cutOffAt,
        Status = PoolStatus.Open,
        OpenedAt = now,
    };

    public bool Accepts(DateTime now) => Status == PoolStatus.Open && now < CutOffAt;

    public void Add(decimal volumeCm3, decimal weightKg, DateTime now)
    {
        if (!Accepts(now))
        {
            throw new IllegalTransitionException($"Pool {Id} is {Status} (cut-off {CutOffAt:u}) and takes no more consignments.");
        }

        Consignments++;
        VolumeCm3 += volumeCm3;
        WeightKg += weightKg;
    }

    /// <summary>A consignment left before the pool was planned: the totals no longer count it.</summary>
    public void Remove(decimal volumeCm3, decimal weightKg)
    {
        if (Status == PoolStatus.Closed)
        {
            throw new IllegalTransitionException($"Pool {Id} is already planned.");
        }

        Consignments--;
        VolumeCm3 -= volumeCm3;
        WeightKg -= weightKg;
    }

    /// <summary>The larger of volume and weight fill of one container of the given capacity.</summary>
    public decimal FillOf(decimal usableVolumeM3, decimal payloadKg) =>
        Math.Max(VolumeCm3 / (usableVolumeM3 * 1_000_000m), WeightKg / payloadKg);

    /// <summary>Stops taking consignments; planning follows.</summary>
    public void StopTaking(string reason)
    {
        if (Status != PoolStatus.Open)
        {
            throw new IllegalTransitionException($"Pool {Id} is already {Status}.");
        }

        Status = PoolStatus.Closing;
        CloseReason = reason;
    }

    public void MarkPlanned(DateTime now)
    {
        if (Status == PoolStatus.Closed)
        {
            throw new IllegalTransitionException($"Pool {Id} is already planned.");
        }

        CloseReason ??= CutOffReason;
        Status = PoolStatus.Closed;
        ClosedAt = now;
    }
}
