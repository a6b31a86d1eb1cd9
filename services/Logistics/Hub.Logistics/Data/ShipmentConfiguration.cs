using Hub.Logistics.Domain.Shipments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Logistics.Data;

internal sealed class ShipmentConfiguration : IEntityTypeConfiguration<Shipment>
{
    public void Configure(EntityTypeBuilder<Shipment> b)
    {
        b.ToTable("shipments");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasIndex(s => s.PlanId);
        b.HasIndex(s => s.MasterBill).IsUnique();
        b.Property(s => s.MasterBill).HasMaxLength(40);
        b.Property(s => s.ContainerCode).HasMaxLength(16);
        b.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(s => s.FreightAmount).HasPrecision(18, 4);
        b.Property(s => s.Currency).HasMaxLength(3);
        b.Property(s => s.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");
        b.OwnsMany(s => s.Items, i =>
        {
            i.ToTable("shipment_items");
            i.WithOwner().HasForeignKey("ShipmentId");
            i.Property<int>("Id");
            i.HasKey("Id");
            i.HasIndex(x => x.ConsignmentNumber);
            i.Property(x => x.ConsignmentReference).HasMaxLength(32);
            i.Property(x => x.OrderId).HasMaxLength(32);
            i.Property(x => x.ChargeableWeight).HasPrecision(14, 3);
            i.Property(x => x.FreightAmount).HasPrecision(18, 4);
        });
        b.Navigation(s => s.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
