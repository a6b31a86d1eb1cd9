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

        var net = Positive("unit.netWeightKg", unit.NetWeightKg, errors);
        var gross = Positive("unit.grossWeightKg", unit.GrossWeightKg, errors);
        var length = Positive("unit.lengthCm", unit.LengthCm, errors);
        var width = Positive("unit.widthCm", unit.WidthCm, errors);
        var height = Positive("unit.heightCm", unit.HeightCm, errors);
        if (gross < net)
        {
            errors.Add("unit.grossWeightKg", "The gross weight cannot be below the net weight.");
        }

        return new UnitMeasures(net ?? 0, gross ?? 0, length ?? 0, width ?? 0, height ?? 0);
    }

    private static Packaging? ValidatePackaging(PackagingDto? packaging, UnitMeasures? unit, ValidationErrors errors)
    {
        if (packaging is null)
        {
            errors.Add("packaging", "Carton packaging is required.");
            return null;
        }

        var units = Whole("packaging.unitsPerCarton", packaging.UnitsPerCarton, 1, MaxMoq, errors);
        var length = Positive("packaging.cartonLengthCm", packaging.CartonLengthCm, errors);
        var width = Positive("packaging.cartonWidthCm", packaging.CartonWidthCm, errors);
        var height = Positive("packaging.cartonHeightCm", packaging.CartonHeightCm, errors);
        var gross = Positive("packaging.cartonGrossWeightKg", packaging.CartonGrossWeightKg, errors);
        // Only weights already in range are multiplied: an oversized one has its own error and could overflow.
        if (unit is { NetWeightKg: > 0 and <= MaxMeasure } && units is { } count && gross < unit.NetWeightKg * count)
        {
            errors.Add("packaging.cartonGrossWeightKg", "A carton cannot weigh less than the net weight of the units it holds.");
        }

        return new Packaging(units ?? 0, length ?? 0, width ?? 0, height ?? 0, gross ?? 0);
    }

    // A required measure: null, with an error, unless it is present and in range.
    private static decimal? Positive(string field, decimal? value, ValidationErrors errors)
    {
        if (value is null)
        {
            errors.Add(field, $"{field} is required: a number greater than 0 and at most {MaxMeasure}.");
        }
        else if (value is <= 0 or > MaxMeasure)
        {
            errors.Add(field, $"Must be greater than 0 and at most {MaxMeasure}.");
        }
        else
        {
            return value;
        }

        return null;
    }
}
