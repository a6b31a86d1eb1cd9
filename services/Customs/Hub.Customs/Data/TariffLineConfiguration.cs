using Hub.Customs.Domain;
using Hub.Customs.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Customs.Data;

internal sealed class TariffLineConfiguration : IEntityTypeConfiguration<TariffLine>
{
    public void Configure(EntityTypeBuilder<TariffLine> b)
    {
        b.ToTable("tariff_lines");
        b.HasKey(t => t.Id);
        b.Property(t => t.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(t => t.Hub).HasColumnName("hub").HasMaxLength(2);
        b.Property(t => t.Prefix).HasColumnName("prefix").HasMaxLength(13);
        b.Property(t => t.Description).HasColumnName("description");
        b.Property(t => t.DutyKind).HasColumnName("duty_kind").HasConversion<string>().HasMaxLength(16);
        b.Property(t => t.DutyRate).HasColumnName("duty_rate").HasPrecision(StoredNumber.Rate.Precision, StoredNumber.Rate.Scale);
        b.Property(t => t.SpecificAmount).HasColumnName("specific_amount").HasPrecision(StoredNumber.Amount.Precision, StoredNumber.Amount.Scale);
        b.Property(t => t.SpecificUnit).HasColumnName("specific_unit").HasMaxLength(TariffLine.MaxUnitLength);
        b.Property(t => t.VatRate).HasColumnName("vat_rate").HasPrecision(StoredNumber.Rate.Precision, StoredNumber.Rate.Scale);
        b.Property(t => t.ConsumptionTaxRate).HasColumnName("consumption_tax_rate").HasPrecision(StoredNumber.Rate.Precision, StoredNumber.Rate.Scale);
        b.Property(t => t.ValidFrom).HasColumnName("valid_from");
        b.Property(t => t.ValidTo).HasColumnName("valid_to");
        b.Property(t => t.Version).HasColumnName("version");
        b.Property(t => t.ResumesId).HasColumnName("resumes_id");
        b.Ignore(t => t.Validity);
        b.HasIndex(t => new { t.Hub, t.Prefix, t.Version }).IsUnique().HasDatabaseName("ux_tariff_lines_hub_prefix_version");
    }
}
