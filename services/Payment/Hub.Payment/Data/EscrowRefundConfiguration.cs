using Hub.Payment.Domain.Escrows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Payment.Data;

internal sealed class EscrowRefundConfiguration : IEntityTypeConfiguration<EscrowRefund>
{
    public void Configure(EntityTypeBuilder<EscrowRefund> b)
    {
        b.ToTable("escrow_refunds");
        b.HasKey(r => new { r.OrderId, r.RefundKey });
        b.Property(r => r.OrderId).HasMaxLength(40);
        b.Property(r => r.RefundKey).HasMaxLength(200);
        b.Property(r => r.Amount).HasPrecision(28, 4);
    }
}
