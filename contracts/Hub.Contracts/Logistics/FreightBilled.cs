using Hub.Contracts.Platform;

namespace Hub.Contracts.Logistics;

/// <summary>
/// A shipment departed, and the origin hub bills each consignment on board its share of the shipment's freight (the
/// consolidated bill allocated by chargeable weight): once per shipment and consignment, a split consignment once from
/// each of its shipments. The payer is the company the order's Incoterm leaves the main carriage to.
/// </summary>
/// <param name="ShipmentId">The shipment whose freight bill the share is of.</param>
/// <param name="MasterBill">The shipment's master bill of lading or air waybill number.</param>
/// <param name="ConsignmentId">The consignment billed, e.g. <c>KR-C-000001</c>; its hub is the origin hub.</param>
/// <param name="OrderId">The order the consignment carries, e.g. <c>CN-O-000042</c>.</param>
/// <param name="PayerCompany">
/// The company that pays the share: the supplier (a company of the origin hub) under the C and D rules, the buyer (a
/// company of the order's hub) under EXW, FCA, FAS and FOB.
/// </param>
/// <param name="AmountMinorUnits">The share, in minor units of <paramref name="Currency"/>.</param>
/// <param name="Currency">The lane's rate currency, ISO 4217 (the origin hub's).</param>
/// <param name="BilledAt">When the shipment departed (UTC).</param>
[CrossesHubs]
public sealed record FreightBilled(
    Guid ShipmentId,
    string MasterBill,
    string ConsignmentId,
    string OrderId,
    string PayerCompany,
    long AmountMinorUnits,
    string Currency,
    DateTime BilledAt);
