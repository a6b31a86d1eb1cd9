using Hub.Customs.Domain;
using Hub.Customs.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Customs.Data;

internal sealed class LowValueRegimeConfiguration : IEntityTypeConfiguration<LowValueRegime>
{
    public void Configure(EntityTypeBuilder<LowValueRegime> b)
    {
        b.ToTable("low_value_regimes");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(r => r.Hub).HasColumnName("hub").HasMaxLength(2);
        b.Property(r => r.Code).HasColumnName("code").HasMaxLength(LowValueRegime.MaxCodeLength);
        b.Property(r => r.Name).HasColumnName("name");
        b.Property(r => r.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Channel).HasColumnName("channel").HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Origin).HasColumnName("origin").HasMaxLength(2);
        b.Property(r => r.ExcludedChapters).HasColumnName("excluded_chapters");
        b.Property(r => r.Currency).HasColumnName("currency").HasMaxLength(3);
        b.Property(r => r.ValueBasis).HasColumnName("value_basis").HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.TransactionLimit).HasColumnName("transaction_limit").HasPrecision(StoredNumber.Amount.Precision, StoredNumber.Amount.Scale);
        b.Property(r => r.AnnualLimit).HasColumnName("annual_limit").HasPrecision(StoredNumber.Amount.Precision, StoredNumber.Amount.Scale);
        b.Property(r => r.AggregateSameDay).HasColumnName("aggregate_same_day");
        b.Property(r => r.DutyFactor).HasColumnName("duty_factor").HasPrecision(StoredNumber.Rate.Precision, StoredNumber.Rate.Scale);
        b.Property(r => r.TaxFactor).HasColumnName("tax_factor").HasPrecision(StoredNumber.Rate.Precision, StoredNumber.Rate.Scale);
        b.Property(r => r.ValidFrom).HasColumnName("valid_from");
        b.Property(r => r.ValidTo).HasColumnName("valid_to");
        b.Property(r => r.Version).HasColumnName("version");
        b.Property(r => r.ResumesId).HasColumnName("resumes_id");
        b.Ignore(r => r.Validity);
        b.HasIndex(r => new { r.Hub, r.Code, r.Version }).IsUnique().HasDatabaseName("ux_low_value_regimes_hub_code_version");
    }
}
