namespace Hub.Logistics.Endpoints;

internal sealed record ShipmentItemResponse(string ConsignmentId, string OrderId, string HouseBill, int Cartons, decimal ChargeableWeight, decimal FreightAmount);
