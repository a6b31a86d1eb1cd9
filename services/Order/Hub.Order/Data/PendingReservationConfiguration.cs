using Hub.Order.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Order.Data;

internal sealed class PendingReservationConfiguration : IEntityTypeConfiguration<PendingReservation>
{
    public void Configure(EntityTypeBuilder<PendingReservation> b)
    {
        b.ToTable("pending_reservations");
        b.HasKey(r => r.OrderId);
        b.Property(r => r.OrderId).HasMaxLength(24).ValueGeneratedNever();
        b.Property(r => r.SupplierHub).HasMaxLength(2);
        // The sweeper releases the oldest ones first.
        b.HasIndex(r => r.AskedAt);
        b.Property(r => r.BuyerCompany).HasMaxLength(24);
        b.Property(r => r.IdempotencyKey).HasMaxLength(200);
        // A placement taking over an abandoned key finds the stock asked under it.
        b.HasIndex(r => new { r.BuyerCompany, r.IdempotencyKey });
    }
}
