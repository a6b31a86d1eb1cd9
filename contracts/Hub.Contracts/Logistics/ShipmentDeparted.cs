using Hub.Contracts.Platform;

namespace Hub.Contracts.Logistics;

/// <summary>A consolidated shipment (one container or ULD) left the origin hub with the listed consignments.</summary>
/// <param name="ShipmentId">The shipment.</param>
/// <param name="MasterBill">Master bill of lading or air waybill number.</param>
/// <param name="Origin">Origin hub, e.g. <c>KR</c>.</param>
/// <param name="Destination">Destination hub, e.g. <c>CN</c>.</param>
/// <param name="Mode"><c>Air</c> or <c>Sea</c>.</param>
/// <param name="ConsignmentIds">Consignments on board (a split consignment appears on each of its shipments).</param>
/// <param name="OrderIds">The orders those consignments carry, in the same order as <paramref name="ConsignmentIds"/>.</param>
/// <param name="DepartedAt">When the shipment departed (UTC).</param>
[CrossesHubs]
public sealed record ShipmentDeparted(
    Guid ShipmentId,
    string MasterBill,
    string Origin,
    string Destination,
    string Mode,
    IReadOnlyList<string> ConsignmentIds,
    IReadOnlyList<string> OrderIds,
    DateTime DepartedAt);
