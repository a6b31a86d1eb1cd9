using Hub.Customs.Domain.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Customs.Data;

internal sealed class ScreeningListConfiguration : IEntityTypeConfiguration<ScreeningList>
{
    public void Configure(EntityTypeBuilder<ScreeningList> b)
    {
        b.ToTable("screening_lists");
        b.HasKey(l => l.Hub);
        b.Property(l => l.Hub).HasColumnName("hub").HasMaxLength(2);
        b.Property(l => l.Version).HasColumnName("version").IsConcurrencyToken();
        b.Property(l => l.Threshold).HasColumnName("threshold");
        b.Property(l => l.UpdatedAt).HasColumnName("updated_at");
    }
}
