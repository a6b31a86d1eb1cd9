namespace Hub.Logistics.Domain.Planning;

/// <summary>One carton to plan.</summary>
internal sealed record PlanningCarton(Load Load)
{
    public static PlanningCarton FromMetric(decimal lengthCm, decimal widthCm, decimal heightCm, decimal weightKg)
    {
        // Rounding up keeps the planner on the safe side of every limit.
        var volume = (long)decimal.Ceiling(lengthCm * widthCm * heightCm);
        var weight = (long)decimal.Ceiling(weightKg * 1_000m);
        return new(new Load(volume, weight));
    }
}
