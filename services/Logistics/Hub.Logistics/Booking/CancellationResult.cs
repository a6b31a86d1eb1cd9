using Hub.Logistics.Domain.Consignments;

namespace Hub.Logistics.Booking;

/// <summary>A cancelled consignment, and whether it had been cancelled before (nothing changed then).</summary>
internal sealed record CancellationResult(Consignment Consignment, bool AlreadyCancelled);
