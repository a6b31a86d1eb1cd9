using Hub.Logistics.Domain.Lanes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Logistics.Data;

internal sealed class LaneConfiguration : IEntityTypeConfiguration<Lane>
{
    public void Configure(EntityTypeBuilder<Lane> b)
    {
        b.ToTable("lanes");
        b.HasKey(l => l.Id);
        b.Property(l => l.Id).ValueGeneratedNever();
        b.HasIndex(l => l.Code).IsUnique();
        b.Property(l => l.Code).HasMaxLength(32);
        b.Property(l => l.Origin).HasMaxLength(2);
        b.Property(l => l.Destination).HasMaxLength(2);
        b.Property(l => l.Mode).HasConversion<string>().HasMaxLength(8);
        b.Property(l => l.Currency).HasMaxLength(3);
        b.Property(l => l.EarlyCloseFill).HasPrecision(5, 4);
        b.Property(l => l.VolumetricDivisor).HasPrecision(10, 2);
        b.Property(l => l.SharedRate).HasPrecision(18, 4);
        b.Ignore(l => l.RateCurrency);
        b.Ignore(l => l.LargestContainer);
        b.OwnsMany(l => l.Containers, c =>
        {
            c.ToTable("lane_containers");
            c.WithOwner().HasForeignKey("LaneId");
            c.Property<int>("Id");
            c.HasKey("Id");
            c.Property(x => x.Code).HasMaxLength(16);
            c.Property(x => x.UsableVolumeM3).HasPrecision(10, 3);
            c.Property(x => x.PayloadKg).HasPrecision(12, 3);
            c.Property(x => x.FullLoadRate).HasPrecision(18, 4);
        });
        b.Navigation(l => l.Containers).HasField("_containers").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(l => l.Scheduled, s =>
        {
            s.ToTable("lane_scheduled_terms");
            s.WithOwner().HasForeignKey("LaneId");
            s.HasKey(x => x.Id);
            s.Property(x => x.Id).ValueGeneratedNever();
            s.HasIndex("LaneId", nameof(ScheduledLaneTerms.ValidFrom)).IsUnique();
            s.Property(x => x.Document).HasColumnType("jsonb");
            s.Ignore(x => x.Terms);
        });
        b.Navigation(l => l.Scheduled).HasField("_scheduled").UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}
