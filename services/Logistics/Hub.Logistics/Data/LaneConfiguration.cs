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
        b.Property(l => l.EarlyCloseFill).HasPrecision(LaneColumns.EarlyCloseFill.Precision, LaneColumns.EarlyCloseFill.Scale);
        b.Property(l => l.VolumetricDivisor).HasPrecision(LaneColumns.VolumetricDivisor.Precision, LaneColumns.VolumetricDivisor.Scale);
        b.Property(l => l.SharedRate).HasPrecision(LaneColumns.Rate.Precision, LaneColumns.Rate.Scale);
        b.Ignore(l => l.RateCurrency);
        b.Ignore(l => l.LargestContainer);
        b.OwnsMany(l => l.Containers, c =>
        {
            c.ToTable("lane_containers");
            c.WithOwner().HasForeignKey("LaneId");
            c.Property<int>("Id");
            c.HasKey("Id");
            c.Property(x => x.Code).HasMaxLength(16);
            c.Property(x => x.UsableVolumeM3).HasPrecision(LaneColumns.VolumeM3.Precision, LaneColumns.VolumeM3.Scale);
            c.Property(x => x.PayloadKg).HasPrecision(LaneColumns.PayloadKg.Precision, LaneColumns.PayloadKg.Scale);
            c.Property(x => x.FullLoadRate).HasPrecision(LaneColumns.Rate.Precision, LaneColumns.Rate.Scale);
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
