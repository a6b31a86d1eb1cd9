using Hub.Logistics.Booking;
using Hub.Logistics.Domain.Consignments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Logistics.Data;

internal sealed class ConsignmentConfiguration : IEntityTypeConfiguration<Consignment>
{
    public void Configure(EntityTypeBuilder<Consignment> b)
    {
        b.ToTable("consignments");
        b.HasKey(c => c.Number);
        b.Property(c => c.Number).ValueGeneratedNever();
        b.HasIndex(c => c.Reference).IsUnique();
        b.HasIndex(c => c.OrderId).IsUnique();
        b.HasIndex(c => c.CompanyId);
        b.HasIndex(c => new { c.PoolId, c.Status });
        b.Property(c => c.Reference).HasMaxLength(32);
        b.Property(c => c.Hub).HasMaxLength(2);
        b.Property(c => c.OrderId).HasMaxLength(32);
        b.Property(c => c.CompanyId).HasMaxLength(32);
        b.Property(c => c.FreightPayer).HasMaxLength(32);
        b.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(c => c.ChargeableWeight).HasPrecision(FreightBounds.ChargeableWeight.Precision, FreightBounds.ChargeableWeight.Scale);
        b.Property(c => c.FreightAmount).HasPrecision(18, 4);
        b.Property(c => c.FreightCurrency).HasMaxLength(3);
        b.Property(c => c.HouseBill).HasMaxLength(40);
        b.Property(c => c.CancelReason).HasMaxLength(200);
        b.Property(c => c.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        b.OwnsMany(c => c.Cartons, c =>
        {
            c.ToTable("consignment_cartons");
            c.WithOwner().HasForeignKey("ConsignmentNumber");
            c.Property<int>("Id");
            c.HasKey("Id");
            c.Property(x => x.LengthCm).HasPrecision(10, 2);
            c.Property(x => x.WidthCm).HasPrecision(10, 2);
            c.Property(x => x.HeightCm).HasPrecision(10, 2);
            c.Property(x => x.WeightKg).HasPrecision(12, 3);
            c.Ignore(x => x.VolumeCm3);
        });
        b.Navigation(c => c.Cartons).HasField("_cartons").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
