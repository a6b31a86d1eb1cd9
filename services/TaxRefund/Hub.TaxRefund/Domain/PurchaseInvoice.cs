namespace Hub.TaxRefund.Domain;

/// <summary>
/// A supplier's purchase invoice for goods it exports: the VAT-inclusive amount it paid, the VAT rate levied, and the
/// goods (one product line: product, HS code, quantity) of one of its orders.
/// </summary>
internal sealed class PurchaseInvoice
{
    private PurchaseInvoice()
    {
        SupplierCompany = null!;
        InvoiceNumber = null!;
        OrderId = null!;
        ProductId = null!;
        HsCode = null!;
        Currency = null!;
    }

    public PurchaseInvoice(
        Guid id, string supplierCompany, string invoiceNumber, string orderId, string productId, string hsCode,
        decimal quantity, decimal amountInclVat, string currency, decimal vatRate, DateTime registeredAt)
    {
        Id = id;
        SupplierCompany = supplierCompany;
        InvoiceNumber = invoiceNumber;
        OrderId = orderId;
        ProductId = productId;
        HsCode = hsCode;
        Quantity = quantity;
        AmountInclVat = amountInclVat;
        Currency = currency;
        VatRate = vatRate;
        RegisteredAt = registeredAt;
    }

    public Guid Id { get; private set; }

    public string SupplierCompany { get; private set; }

    public string InvoiceNumber { get; private set; }

    public string OrderId { get; private set; }

    public string ProductId { get; private set; }

    public string HsCode { get; private set; }

    public decimal Quantity { get; private set; }

    /// <summary>The VAT-inclusive amount paid, in <see cref="Currency"/>.</summary>
    public decimal AmountInclVat { get; private set; }

    public string Currency { get; private set; }

    /// <summary>The VAT rate levied on the purchase, as a fraction (0.13 = 13 %).</summary>
    public decimal VatRate { get; private set; }

    public DateTime RegisteredAt { get; private set; }

    /// <summary>
    /// Whether <paramref name="other"/> registers the same purchase as this invoice — the same supplier, number, order,
    /// goods, amount and VAT rate — as a retry of the request that registered it does.
    /// </summary>
    /// <param name="other">The invoice sent again.</param>
    public bool IsSamePurchaseAs(PurchaseInvoice other) =>
        SupplierCompany == other.SupplierCompany && InvoiceNumber == other.InvoiceNumber && OrderId == other.OrderId
        && ProductId == other.ProductId && HsCode == other.HsCode && Quantity == other.Quantity
        && AmountInclVat == other.AmountInclVat && Currency == other.Currency && VatRate == other.VatRate;
}
