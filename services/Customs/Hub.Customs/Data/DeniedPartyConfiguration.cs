using Hub.Customs.Domain.Screening;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Customs.Data;

internal sealed class DeniedPartyConfiguration : IEntityTypeConfiguration<DeniedParty>
{
    public void Configure(EntityTypeBuilder<DeniedParty> b)
    {
        b.ToTable("denied_parties");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(p => p.Name).HasColumnName("name");
        b.Property(p => p.Aliases).HasColumnName("aliases");
        b.Property(p => p.Country).HasColumnName("country").HasMaxLength(2);
        b.Property(p => p.Source).HasColumnName("source");
        b.Property(p => p.ListedInVersion).HasColumnName("listed_in_version");
        b.Ignore(p => p.Names);
    }
}
