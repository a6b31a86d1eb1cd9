using Hub.TaxRefund.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.TaxRefund.Data;

internal sealed class OrderEvidenceConfiguration : IEntityTypeConfiguration<OrderEvidence>
{
    public void Configure(EntityTypeBuilder<OrderEvidence> b)
    {
        b.ToTable("order_evidence");
        b.HasKey(e => e.OrderId);
        b.Property(e => e.OrderId).HasMaxLength(40);
        b.Property(e => e.ExportHub).HasMaxLength(2);
        b.Property(e => e.DeclarationId).HasMaxLength(40);
        b.Property(e => e.Mrn).HasMaxLength(64);
        b.Property(e => e.MasterBill).HasMaxLength(64);
        b.Property(e => e.SupplierCompany).HasMaxLength(40);
        b.Property(e => e.ConsignmentId).HasMaxLength(40);
        b.Property(e => e.Version).IsRowVersion();
    }
}
