using Hub.Customs.Domain;
using Hub.Customs.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Customs.Data;

internal sealed class PreferentialRateConfiguration : IEntityTypeConfiguration<PreferentialRate>
{
    public void Configure(EntityTypeBuilder<PreferentialRate> b)
    {
        b.ToTable("preferential_rates");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(r => r.Hub).HasColumnName("hub").HasMaxLength(2);
        b.Property(r => r.Agreement).HasColumnName("agreement").HasMaxLength(PreferentialRate.MaxAgreementLength);
        b.Property(r => r.PartnerCountry).HasColumnName("partner_country").HasMaxLength(2);
        b.Property(r => r.Prefix).HasColumnName("prefix").HasMaxLength(13);
        b.Property(r => r.Year).HasColumnName("year");
        b.Property(r => r.Rate).HasColumnName("rate").HasPrecision(StoredNumber.Rate.Precision, StoredNumber.Rate.Scale);
        b.Property(r => r.Version).HasColumnName("version");
        b.HasIndex(r => new { r.Hub, r.Agreement, r.PartnerCountry, r.Prefix, r.Year, r.Version }).IsUnique().HasDatabaseName("ux_preferential_rates_key_version");
    }
}
