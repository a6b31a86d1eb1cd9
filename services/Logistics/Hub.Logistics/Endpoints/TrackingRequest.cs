namespace Hub.Logistics.Endpoints;

/// <summary>A milestone to record: Departed/Arrived for a shipment, OutForDelivery/Delivered for a consignment.</summary>
internal sealed record TrackingRequest(string? Kind, DateTime? OccurredAt);
