using Hub.Logistics.Domain.Consignments;
using Hub.Logistics.Domain.Pools;

namespace Hub.Logistics.Booking;

internal sealed record BookingResult(Consignment Consignment, Pool? Pool, bool AlreadyBooked);
