namespace Hub.Logistics.Domain.Planning;

/// <summary>A container or ULD type as the planner sees it: what may be loaded into one unit.</summary>
internal sealed record ContainerSpec(string Code, Load Capacity)
{
    public static ContainerSpec FromMetric(string code, decimal usableVolumeM3, decimal payloadKg)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(usableVolumeM3);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(payloadKg);

        // Capacities round down so that a plan within them never exceeds the real limit.
        return new(code, new Load((long)decimal.Floor(usableVolumeM3 * 1_000_000m), (long)decimal.Floor(payloadKg * 1_000m)));
    }

    /// <summary>Share of one container taken by a load, volume and weight added: the size used to order items.</summary>
    public double SizeOf(Load load) =>
        ((double)load.VolumeCm3 / Capacity.VolumeCm3) + ((double)load.WeightGrams / Capacity.WeightGrams);
}
