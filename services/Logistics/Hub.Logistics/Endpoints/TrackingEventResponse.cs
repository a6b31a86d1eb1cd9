namespace Hub.Logistics.Endpoints;

/// <summary>One milestone in a consignment's timeline; <see cref="MasterBill"/> is set when it happened to a shipment carrying it.</summary>
internal sealed record TrackingEventResponse(string Kind, DateTime OccurredAt, string? MasterBill);
