namespace Hub.Logistics.Domain.Shipments;

internal enum ShipmentStatus
{
    Booked = 1,
    Departed = 2,
    Arrived = 3,
}
