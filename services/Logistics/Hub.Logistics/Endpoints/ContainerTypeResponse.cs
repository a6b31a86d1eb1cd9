namespace Hub.Logistics.Endpoints;

internal sealed record ContainerTypeResponse(string Code, decimal UsableVolumeM3, decimal PayloadKg, decimal FullLoadRate);
