using Hub.Logistics.Domain.Shipments;

namespace Hub.Logistics.Endpoints;

internal sealed record ShipmentResponse(
    Guid Id, Guid PlanId, int ContainerNumber, string ContainerCode, string MasterBill, string Status, decimal FreightAmount, string Currency,
    DateTime? DepartedAt, DateTime? ArrivedAt, ShipmentItemResponse[] Items)
{
    public static ShipmentResponse From(Shipment s) => new(
        s.Id, s.PlanId, s.ContainerNumber, s.ContainerCode, s.MasterBill, s.Status.ToString(), s.FreightAmount, s.Currency, s.DepartedAt, s.ArrivedAt,
        [.. s.Items.Select(i => new ShipmentItemResponse(i.ConsignmentReference, i.OrderId, $"HB-{i.ConsignmentReference}", i.Cartons, i.ChargeableWeight, i.FreightAmount))]);
}
