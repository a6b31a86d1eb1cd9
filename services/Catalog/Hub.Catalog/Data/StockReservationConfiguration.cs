using Hub.Catalog.Domain.Stock;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Catalog.Data;

internal sealed class StockReservationConfiguration : IEntityTypeConfiguration<StockReservation>
{
    public void Configure(EntityTypeBuilder<StockReservation> b)
    {
        b.ToTable("stock_reservations");
        b.HasKey(r => r.OrderId);
        b.Property(r => r.OrderId).HasMaxLength(24);
        b.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.RejectionReason).HasMaxLength(1000);
        b.OwnsMany(r => r.Lines, l =>
        {
            l.ToTable("stock_reservation_lines", c => c.HasCheckConstraint("ck_stock_reservation_lines_quantity", "quantity > 0"));
            l.WithOwner().HasForeignKey("OrderId");
            l.HasKey("OrderId", nameof(ReservationLine.ProductId));
            l.Property(x => x.ProductId).HasMaxLength(24);
        });
        b.Navigation(r => r.Lines).HasField("_lines");
    }
}
