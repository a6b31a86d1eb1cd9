using Hub.Customs.Domain;
using Hub.Customs.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Customs.Data;

internal sealed class CustomsFxRateConfiguration : IEntityTypeConfiguration<CustomsFxRate>
{
    public void Configure(EntityTypeBuilder<CustomsFxRate> b)
    {
        b.ToTable("customs_fx_rates");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(r => r.Hub).HasColumnName("hub").HasMaxLength(2);
        b.Property(r => r.Currency).HasColumnName("currency").HasMaxLength(3);
        b.Property(r => r.Rate).HasColumnName("rate").HasPrecision(StoredNumber.FxRate.Precision, StoredNumber.FxRate.Scale);
        b.Property(r => r.ValidFrom).HasColumnName("valid_from");
        b.Property(r => r.ValidTo).HasColumnName("valid_to");
        b.Property(r => r.Version).HasColumnName("version");
        b.Property(r => r.ResumesId).HasColumnName("resumes_id");
        b.Ignore(r => r.Validity);
        b.HasIndex(r => new { r.Hub, r.Currency, r.Version }).IsUnique().HasDatabaseName("ux_customs_fx_rates_hub_currency_version");
    }
}
