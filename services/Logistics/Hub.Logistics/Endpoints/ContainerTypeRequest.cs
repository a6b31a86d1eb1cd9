namespace Hub.Logistics.Endpoints;

internal sealed record ContainerTypeRequest(string? Code, decimal UsableVolumeM3, decimal PayloadKg, decimal FullLoadRate);
