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
    }
}
