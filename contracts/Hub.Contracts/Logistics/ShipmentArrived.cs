using Hub.Contracts.Platform;

namespace Hub.Contracts.Logistics;

/// <summary>A consolidated shipment reached the destination hub.</summary>
/// <param name="ShipmentId">The shipment.</param>
/// <param name="MasterBill">Master bill of lading or air waybill number.</param>
/// <param name="Origin">Origin hub, e.g. <c>KR</c>.</param>
/// <param name="Destination">Destination hub, e.g. <c>CN</c>.</param>
/// <param name="Mode"><c>Air</c> or <c>Sea</c>.</param>
/// <param name="ConsignmentIds">Consignments on board.</param>
/// <param name="OrderIds">The orders those consignments carry, in the same order as <paramref name="ConsignmentIds"/>.</param>
/// <param name="ArrivedAt">When the shipment arrived (UTC).</param>
[CrossesHubs]
public sealed record ShipmentArrived(
    Guid ShipmentId,
    string MasterBill,
    string Origin,
    string Destination,
    string Mode,
    IReadOnlyList<string> ConsignmentIds,
    IReadOnlyList<string> OrderIds,
    DateTime ArrivedAt);
