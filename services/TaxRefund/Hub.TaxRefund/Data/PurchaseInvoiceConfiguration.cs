using Hub.TaxRefund.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.TaxRefund.Data;

internal sealed class PurchaseInvoiceConfiguration : IEntityTypeConfiguration<PurchaseInvoice>
{
    public void Configure(EntityTypeBuilder<PurchaseInvoice> b)
    {
        b.ToTable("purchase_invoices");
        b.HasKey(i => i.Id);
        b.Property(i => i.SupplierCompany).HasMaxLength(40).IsRequired();
        b.Property(i => i.InvoiceNumber).HasMaxLength(64).IsRequired();
        b.Property(i => i.OrderId).HasMaxLength(40).IsRequired();
        b.Property(i => i.ProductId).HasMaxLength(40).IsRequired();
        b.Property(i => i.HsCode).HasMaxLength(10).IsRequired();
        b.Property(i => i.Currency).HasMaxLength(3).IsRequired();
        b.Property(i => i.Quantity).HasPrecision(StoredNumber.Quantity.Precision, StoredNumber.Quantity.Scale);
        b.Property(i => i.AmountInclVat).HasPrecision(StoredNumber.Amount.Precision, StoredNumber.Amount.Scale);
        b.Property(i => i.VatRate).HasPrecision(StoredNumber.Rate.Precision, StoredNumber.Rate.Scale);
        b.HasIndex(i => new { i.SupplierCompany, i.InvoiceNumber }).IsUnique();
        b.HasIndex(i => i.OrderId);
    }
}
