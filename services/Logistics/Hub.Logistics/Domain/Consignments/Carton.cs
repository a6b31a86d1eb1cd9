using Hub.Logistics.Domain.Planning;

namespace Hub.Logistics.Domain.Consignments;

/// <summary>One carton: outer dimensions in centimetres and gross weight in kilograms.</summary>
internal sealed class Carton
{
    public Carton(decimal lengthCm, decimal widthCm, decimal heightCm, decimal weightKg)
    {
        if (lengthCm <= 0 || widthCm <= 0 || heightCm <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(lengthCm), $"Carton dimensions must be positive; got {lengthCm} × {widthCm} × {heightCm} cm.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weightKg);
        LengthCm = lengthCm;
        WidthCm = widthCm;
        HeightCm = heightCm;
        WeightKg = weightKg;
    }

    public decimal LengthCm { get; }

    public decimal WidthCm { get; }

    public decimal HeightCm { get; }

    public decimal WeightKg { get; }

    public decimal VolumeCm3 => LengthCm * WidthCm * HeightCm;

    public PlanningCarton ToPlanning() => PlanningCarton.FromMetric(LengthCm, WidthCm, HeightCm, WeightKg);
}
