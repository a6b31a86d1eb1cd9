using Hub.Customs.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Customs.Data;

internal sealed class CustomsAuthorityConfiguration : IEntityTypeConfiguration<CustomsAuthority>
{
    public void Configure(EntityTypeBuilder<CustomsAuthority> b)
    {
        b.ToTable("customs_authorities");
        b.HasKey(a => a.Hub);
        b.Property(a => a.Hub).HasColumnName("hub").HasMaxLength(2);
        b.Property(a => a.Currency).HasColumnName("currency").HasMaxLength(3);
        b.Property(a => a.Basis).HasColumnName("valuation_basis").HasConversion<string>().HasMaxLength(8);
        b.Property(a => a.Rounding).HasColumnName("rounding").HasConversion<string>().HasMaxLength(16);
        b.Ignore(a => a.CurrencyCode);
    }
}
