namespace Hub.Logistics.Endpoints;

/// <summary>A lane's schedule, containers and rate card; origin, destination and mode only when creating it.</summary>
internal sealed record LaneRequest(
    string? Origin,
    string? Destination,
    string? Mode,
    int[]? CutOffWeekdays,
    string? CutOffTimeUtc,
    decimal EarlyCloseFill,
    decimal VolumetricDivisor,
    string? Currency,
    decimal SharedRate,
    DateTime? ValidFrom,
    ContainerTypeRequest[]? Containers);
