namespace Hub.Catalog.Domain.Products;

/// <summary>One sales unit: net and gross weight in kilograms, outer dimensions in centimetres.</summary>
internal sealed record UnitMeasures(decimal NetWeightKg, decimal GrossWeightKg, decimal LengthCm, decimal WidthCm, decimal HeightCm);
