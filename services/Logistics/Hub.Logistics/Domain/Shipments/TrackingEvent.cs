namespace Hub.Logistics.Domain.Shipments;

/// <summary>One recorded tracking milestone of a shipment or a consignment.</summary>
internal sealed class TrackingEvent
{
    private TrackingEvent()
    {
        Kind = RecordedBy = string.Empty;
    }

    public long Id { get; private set; }

    public Guid? ShipmentId { get; private set; }

    public long? ConsignmentNumber { get; private set; }

    /// <summary>Booked, Departed, Arrived, OutForDelivery or Delivered.</summary>
    public string Kind { get; private set; }

    public DateTime OccurredAt { get; private set; }

    public string RecordedBy { get; private set; }

    public static TrackingEvent ForShipment(Guid shipmentId, string kind, DateTime at, string by) =>
        new() { ShipmentId = shipmentId, Kind = kind, OccurredAt = at, RecordedBy = by };

    public static TrackingEvent ForConsignment(long consignmentNumber, string kind, DateTime at, string by) =>
        new() { ConsignmentNumber = consignmentNumber, Kind = kind, OccurredAt = at, RecordedBy = by };
}
