using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.ServiceDefaults.Probes;

internal sealed class MessagingProbeConfiguration : IEntityTypeConfiguration<MessagingProbe>
{
    public void Configure(EntityTypeBuilder<MessagingProbe> b)
    {
        b.ToTable("messaging_probes");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(p => p.RequestedAt).HasColumnName("requested_at");
        b.Property(p => p.ReceivedAt).HasColumnName("received_at");
        b.Ignore(p => p.RoundTrip);
    }
}
