using Hub.Logistics.Domain.Shipments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Logistics.Data;

internal sealed class TrackingEventConfiguration : IEntityTypeConfiguration<TrackingEvent>
{
    public void Configure(EntityTypeBuilder<TrackingEvent> b)
    {
        b.ToTable("tracking_events");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).UseIdentityAlwaysColumn();
        b.HasIndex(t => t.ShipmentId);
        b.HasIndex(t => t.ConsignmentNumber);
        b.Property(t => t.Kind).HasMaxLength(16);
        b.Property(t => t.RecordedBy).HasMaxLength(64);
    }
}
