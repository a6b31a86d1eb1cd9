using Hub.TaxRefund.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.TaxRefund.Data;

internal sealed class RefundClaimConfiguration : IEntityTypeConfiguration<RefundClaim>
{
    public void Configure(EntityTypeBuilder<RefundClaim> b)
    {
        b.ToTable("refund_claims");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).HasMaxLength(40);
        b.Property(c => c.OrderId).HasMaxLength(40).IsRequired();
        b.HasIndex(c => c.OrderId).IsUnique();
        b.Property(c => c.Hub).HasMaxLength(2).IsRequired();
        b.Property(c => c.SupplierCompany).HasMaxLength(40);
        b.HasIndex(c => c.SupplierCompany);
        b.Property(c => c.State).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(c => c.State);
        b.Property(c => c.DeclarationId).HasMaxLength(40).IsRequired();
        b.Property(c => c.MasterBill).HasMaxLength(64);
        b.Property(c => c.ConsignmentId).HasMaxLength(40);
        b.Property(c => c.Currency).HasMaxLength(3);
        b.Property(c => c.PurchaseNet).HasPrecision(StoredNumber.Amount.Precision, StoredNumber.Amount.Scale);
        b.Property(c => c.RefundAmount).HasPrecision(StoredNumber.Amount.Precision, StoredNumber.Amount.Scale);
        b.Property(c => c.CostAmount).HasPrecision(StoredNumber.Amount.Precision, StoredNumber.Amount.Scale);
        b.Property(c => c.RoundingRule).HasMaxLength(200);
        b.Property(c => c.FiledBy).HasMaxLength(100);
        b.Property(c => c.DecidedBy).HasMaxLength(100);
        b.Property(c => c.RejectionReason).HasMaxLength(RefundClaim.MaxReasonLength);
        b.Property(c => c.PayoutPostingId).HasMaxLength(64);
        b.Property(c => c.Version).IsRowVersion();
    }
}
