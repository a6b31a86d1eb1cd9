using Hub.Catalog.Domain.Products;

namespace Hub.Catalog.Endpoints;

internal static partial class ProductRequestValidator
{
    private static UnitMeasures? ValidateUnit(UnitMeasuresDto? unit, ValidationErrors errors)
    {
        if (unit is null)
        {
            errors.Add("unit", "Unit weights and dimensions are required.");
            return null;
        }

        Positive("unit.netWeightKg", unit.NetWeightKg, errors);
        Positive("unit.grossWeightKg", unit.GrossWeightKg, errors);
        Positive("unit.lengthCm", unit.LengthCm, errors);
        Positive("unit.widthCm", unit.WidthCm, errors);
        Positive("unit.heightCm", unit.HeightCm, errors);
        if (unit.GrossWeightKg < unit.NetWeightKg)
        {
            errors.Add("unit.grossWeightKg", "The gross weight cannot be below the net weight.");
        }

        return new UnitMeasures(unit.NetWeightKg, unit.GrossWeightKg, unit.LengthCm, unit.WidthCm, unit.HeightCm);
    }

    private static Packaging? ValidatePackaging(PackagingDto? packaging, UnitMeasures? unit, ValidationErrors errors)
    {
        if (packaging is null)
        {
            errors.Add("packaging", "Carton packaging is required.");
            return null;
        }

        if (packaging.UnitsPerCarton is <= 0 or > MaxMoq)
        {
            errors.Add("packaging.unitsPerCarton", $"Must be between 1 and {MaxMoq}.");
        }

        Positive("packaging.cartonLengthCm", packaging.CartonLengthCm, errors);
        Positive("packaging.cartonWidthCm", packaging.CartonWidthCm, errors);
        Positive("packaging.cartonHeightCm", packaging.CartonHeightCm, errors);
        Positive("packaging.cartonGrossWeightKg", packaging.CartonGrossWeightKg, errors);
        // Only weights already in range are multiplied: an oversized one has its own error and could overflow.
        if (unit is { NetWeightKg: > 0 and <= MaxMeasure } && packaging.UnitsPerCarton is > 0 and <= MaxMoq
            && packaging.CartonGrossWeightKg < unit.NetWeightKg * packaging.UnitsPerCarton)
        {
            errors.Add("packaging.cartonGrossWeightKg", "A carton cannot weigh less than the net weight of the units it holds.");
        }

        return new Packaging(packaging.UnitsPerCarton, packaging.CartonLengthCm, packaging.CartonWidthCm, packaging.CartonHeightCm, packaging.CartonGrossWeightKg);
    }

    private static void Positive(string field, decimal value, ValidationErrors errors)
    {
        if (value is <= 0 or > MaxMeasure)
        {
            errors.Add(field, $"Must be greater than 0 and at most {MaxMeasure}.");
        }
    }
}
