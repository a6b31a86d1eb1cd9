namespace Hub.Catalog.Domain.Products;

/// <summary>How units ship: units per export carton, the carton's outer dimensions (cm) and gross weight (kg).</summary>
internal sealed record Packaging(int UnitsPerCarton, decimal CartonLengthCm, decimal CartonWidthCm, decimal CartonHeightCm, decimal CartonGrossWeightKg);
