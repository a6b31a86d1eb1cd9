namespace Hub.TaxRefund.Domain;

/// <summary>
/// What the hub has heard about one order's export, whatever order the events came in: the cleared export declaration,
/// the departure and the supplier's payment. The first report of each fact wins; repeats change nothing.
/// </summary>
internal sealed class OrderEvidence
{
    private OrderEvidence() => OrderId = null!;

    public OrderEvidence(string orderId) => OrderId = orderId;

    public string OrderId { get; private set; }

    public string? ExportHub { get; private set; }

    public string? DeclarationId { get; private set; }

    public string? Mrn { get; private set; }

    public DateTime? ExportClearedAt { get; private set; }

    public string? MasterBill { get; private set; }

    public DateTime? DepartedAt { get; private set; }

    /// <summary>The supplier, from its booking or its payment (whichever came first).</summary>
    public string? SupplierCompany { get; private set; }

    /// <summary>The consignment carrying the order (logistics books one per order).</summary>
    public string? ConsignmentId { get; private set; }

    public DateTime? PaymentReceivedAt { get; private set; }

    /// <summary>Row version: two events about one order racing each other make the later one retry with the other's facts.</summary>
    public uint Version { get; private set; }

    public void RecordExportCleared(string hub, string declarationId, string mrn, DateTime clearedAt)
    {
        if (ExportClearedAt is null)
        {
            ExportHub = hub;
            DeclarationId = declarationId;
            Mrn = mrn;
            ExportClearedAt = clearedAt;
        }
    }

    public void RecordDeparture(string masterBill, DateTime departedAt)
    {
        if (DepartedAt is null)
        {
            MasterBill = masterBill;
            DepartedAt = departedAt;
        }
    }

    public void RecordPayment(string supplierCompany, DateTime receivedAt)
    {
        if (PaymentReceivedAt is null)
        {
            SupplierCompany ??= supplierCompany;
            PaymentReceivedAt = receivedAt;
        }
    }

    public void RecordBooking(string consignmentId, string supplierCompany)
    {
        if (ConsignmentId is null)
        {
            ConsignmentId = consignmentId;
            SupplierCompany ??= supplierCompany;
        }
    }
}
