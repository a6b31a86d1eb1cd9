namespace Hub.Logistics.Domain.Consignments;

internal enum ConsignmentStatus
{
    /// <summary>Booked and waiting in its lane's pool.</summary>
    Pooled = 1,

    /// <summary>Cannot be shipped as booked (e.g. a carton larger than any container); kept out of planning.</summary>
    Flagged = 2,

    /// <summary>Loaded on a planned shipment, waiting to depart.</summary>
    Planned = 3,
    Departed = 4,
    Arrived = 5,
    OutForDelivery = 6,
    Delivered = 7,

    /// <summary>Taken out of its pool before planning because its order will not ship (final).</summary>
    Cancelled = 8,
}
