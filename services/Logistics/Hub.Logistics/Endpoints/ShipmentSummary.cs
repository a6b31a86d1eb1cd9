using Hub.Logistics.Domain.Shipments;

namespace Hub.Logistics.Endpoints;

internal sealed record ShipmentSummary(Guid Id, string MasterBill, int ContainerNumber, string Status, int Consignments, decimal FreightAmount, string Currency)
{
    public static ShipmentSummary From(Shipment s) =>
        new(s.Id, s.MasterBill, s.ContainerNumber, s.Status.ToString(), s.Items.Count, s.FreightAmount, s.Currency);
}
