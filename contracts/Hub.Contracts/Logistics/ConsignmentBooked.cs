using Hub.Contracts.Platform;

namespace Hub.Contracts.Logistics;

/// <summary>
/// A supplier order's goods were booked onto a lane and joined its consolidation pool. Published once per order:
/// booking the same order again returns the existing consignment and publishes nothing.
/// </summary>
/// <param name="ConsignmentId">The consignment, e.g. <c>KR-C-000001</c>.</param>
/// <param name="OrderId">The supplier order the consignment carries, e.g. <c>CN-O-000042</c>.</param>
/// <param name="CompanyId">The supplier's company.</param>
/// <param name="Origin">Origin hub of the lane, e.g. <c>KR</c>.</param>
/// <param name="Destination">Destination hub of the lane, e.g. <c>CN</c>.</param>
/// <param name="Mode"><c>Air</c> or <c>Sea</c>.</param>
/// <param name="ChargeableWeight">Chargeable quantity: kilograms by air, revenue tons by sea (see <paramref name="ChargeableUnit"/>).</param>
/// <param name="ChargeableUnit"><c>kg</c> or <c>rt</c>.</param>
/// <param name="CutOffAt">Cut-off of the pool the consignment joined (UTC); it may leave earlier if the pool fills.</param>
/// <param name="BookedAt">When the booking was committed (UTC).</param>
[CrossesHubs]
public sealed record ConsignmentBooked(
    string ConsignmentId,
    string OrderId,
    string CompanyId,
    string Origin,
    string Destination,
    string Mode,
    decimal ChargeableWeight,
    string ChargeableUnit,
    DateTime CutOffAt,
    DateTime BookedAt);
