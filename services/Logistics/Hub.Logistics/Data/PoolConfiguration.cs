using Hub.Logistics.Domain.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Logistics.Data;

internal sealed class PoolConfiguration : IEntityTypeConfiguration<Pool>
{
    public void Configure(EntityTypeBuilder<Pool> b)
    {
        b.ToTable("pools");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.CloseReason).HasMaxLength(32);
        b.Property(p => p.VolumeCm3).HasPrecision(20, 3);
        b.Property(p => p.WeightKg).HasPrecision(16, 3);
        b.Property(p => p.Version).IsRowVersion().HasColumnName("xmin").HasColumnType("xid");

        // One open pool per lane at a time: concurrent bookings cannot open two.
        b.HasIndex(p => p.LaneId).IsUnique().HasFilter("status = 'Open'").HasDatabaseName("ix_pools_one_open_per_lane");
        b.HasIndex(p => new { p.Status, p.CutOffAt });
    }
}
