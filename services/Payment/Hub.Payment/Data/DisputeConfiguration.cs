using Hub.Payment.Domain.Disputes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Payment.Data;

internal sealed class DisputeConfiguration : IEntityTypeConfiguration<Dispute>
{
    public void Configure(EntityTypeBuilder<Dispute> b)
    {
        b.ToTable("disputes");
        b.HasKey(d => d.OrderId);
        b.Property(d => d.OrderId).HasMaxLength(40);
        b.Property(d => d.BuyerCompany).HasMaxLength(40).IsRequired();
        b.Property(d => d.SupplierCompany).HasMaxLength(40).IsRequired();
        b.Property(d => d.Reason).HasMaxLength(1_000).IsRequired();
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.Decision).HasConversion<string>().HasMaxLength(20);
        b.Property(d => d.RefundedAmount).HasPrecision(28, 4);
        b.Property(d => d.EscalatedBy).HasMaxLength(Dispute.MaxByLength);
        b.Property(d => d.DecidedBy).HasMaxLength(Dispute.MaxByLength);
        b.Property(d => d.Resolution).HasMaxLength(500);
    }
}
