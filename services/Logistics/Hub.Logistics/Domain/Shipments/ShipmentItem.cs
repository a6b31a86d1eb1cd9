namespace Hub.Logistics.Domain.Shipments;

/// <summary>A consignment's cartons in one shipment, and its share of the shipment's freight bill.</summary>
internal sealed class ShipmentItem
{
    public ShipmentItem(long consignmentNumber, string consignmentReference, string orderId, int cartons, decimal chargeableWeight)
    {
        ConsignmentNumber = consignmentNumber;
        ConsignmentReference = consignmentReference;
        OrderId = orderId;
        Cartons = cartons;
        ChargeableWeight = chargeableWeight;
    }

    public long ConsignmentNumber { get; private set; }

    public string ConsignmentReference { get; private set; }

    public string OrderId { get; private set; }

    public int Cartons { get; private set; }

    public decimal ChargeableWeight { get; private set; }

    public decimal FreightAmount { get; private set; }

    public void Charge(decimal amount) => FreightAmount = amount;
}
