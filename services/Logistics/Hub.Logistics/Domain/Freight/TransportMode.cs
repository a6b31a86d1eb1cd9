namespace Hub.Logistics.Domain.Freight;

/// <summary>How a lane moves goods; it decides the chargeable unit (kg by air, revenue ton by sea).</summary>
internal enum TransportMode
{
    Air = 1,
    Sea = 2,
}
