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
        b.Property(i => i.Quantity).HasPrecision(18, 4);
        b.Property(i => i.AmountInclVat).HasPrecision(28, 4);
        b.Property(i => i.VatRate).HasPrecision(9, 6);
        b.HasIndex(i => new { i.SupplierCompany, i.InvoiceNumber }).IsUnique();
        b.HasIndex(i => i.OrderId);
    }
}
