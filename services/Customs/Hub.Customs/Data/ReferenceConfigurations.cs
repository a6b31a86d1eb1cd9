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
        b.Property(t => t.DutyRate).HasColumnName("duty_rate").HasPrecision(9, 6);
        b.Property(t => t.SpecificAmount).HasColumnName("specific_amount").HasPrecision(18, 4);
        b.Property(t => t.SpecificUnit).HasColumnName("specific_unit").HasMaxLength(8);
        b.Property(t => t.VatRate).HasColumnName("vat_rate").HasPrecision(9, 6);
        b.Property(t => t.ConsumptionTaxRate).HasColumnName("consumption_tax_rate").HasPrecision(9, 6);
        b.Property(t => t.ValidFrom).HasColumnName("valid_from");
        b.Property(t => t.ValidTo).HasColumnName("valid_to");
        b.Property(t => t.Version).HasColumnName("version");
        b.Ignore(t => t.Validity);
        b.HasIndex(t => new { t.Hub, t.Prefix, t.Version }).IsUnique().HasDatabaseName("ux_tariff_lines_hub_prefix_version");
    }
}

internal sealed class LowValueRegimeConfiguration : IEntityTypeConfiguration<LowValueRegime>
{
    public void Configure(EntityTypeBuilder<LowValueRegime> b)
    {
        b.ToTable("low_value_regimes");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(r => r.Hub).HasColumnName("hub").HasMaxLength(2);
        b.Property(r => r.Code).HasColumnName("code").HasMaxLength(32);
        b.Property(r => r.Name).HasColumnName("name");
        b.Property(r => r.Kind).HasColumnName("kind").HasConversion<string>().HasMaxLength(24);
        b.Property(r => r.Channel).HasColumnName("channel").HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.Origin).HasColumnName("origin").HasMaxLength(2);
        b.Property(r => r.ExcludedChapters).HasColumnName("excluded_chapters");
        b.Property(r => r.Currency).HasColumnName("currency").HasMaxLength(3);
        b.Property(r => r.ValueBasis).HasColumnName("value_basis").HasConversion<string>().HasMaxLength(16);
        b.Property(r => r.TransactionLimit).HasColumnName("transaction_limit").HasPrecision(18, 4);
        b.Property(r => r.AnnualLimit).HasColumnName("annual_limit").HasPrecision(18, 4);
        b.Property(r => r.AggregateSameDay).HasColumnName("aggregate_same_day");
        b.Property(r => r.DutyFactor).HasColumnName("duty_factor").HasPrecision(9, 6);
        b.Property(r => r.TaxFactor).HasColumnName("tax_factor").HasPrecision(9, 6);
        b.Property(r => r.ValidFrom).HasColumnName("valid_from");
        b.Property(r => r.ValidTo).HasColumnName("valid_to");
        b.Property(r => r.Version).HasColumnName("version");
        b.Ignore(r => r.Validity);
        b.HasIndex(r => new { r.Hub, r.Code, r.Version }).IsUnique().HasDatabaseName("ux_low_value_regimes_hub_code_version");
    }
}

internal sealed class PreferentialRateConfiguration : IEntityTypeConfiguration<PreferentialRate>
{
    public void Configure(EntityTypeBuilder<PreferentialRate> b)
    {
        b.ToTable("preferential_rates");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(r => r.Hub).HasColumnName("hub").HasMaxLength(2);
        b.Property(r => r.Agreement).HasColumnName("agreement").HasMaxLength(16);
        b.Property(r => r.PartnerCountry).HasColumnName("partner_country").HasMaxLength(2);
        b.Property(r => r.Prefix).HasColumnName("prefix").HasMaxLength(13);
        b.Property(r => r.Year).HasColumnName("year");
        b.Property(r => r.Rate).HasColumnName("rate").HasPrecision(9, 6);
        b.Property(r => r.Version).HasColumnName("version");
        b.HasIndex(r => new { r.Hub, r.Agreement, r.PartnerCountry, r.Prefix, r.Year, r.Version }).IsUnique().HasDatabaseName("ux_preferential_rates_key_version");
    }
}

internal sealed class CustomsFxRateConfiguration : IEntityTypeConfiguration<CustomsFxRate>
{
    public void Configure(EntityTypeBuilder<CustomsFxRate> b)
    {
        b.ToTable("customs_fx_rates");
        b.HasKey(r => r.Id);
        b.Property(r => r.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(r => r.Hub).HasColumnName("hub").HasMaxLength(2);
        b.Property(r => r.Currency).HasColumnName("currency").HasMaxLength(3);
        b.Property(r => r.Rate).HasColumnName("rate").HasPrecision(18, 8);
        b.Property(r => r.ValidFrom).HasColumnName("valid_from");
        b.Property(r => r.ValidTo).HasColumnName("valid_to");
        b.Property(r => r.Version).HasColumnName("version");
        b.Ignore(r => r.Validity);
        b.HasIndex(r => new { r.Hub, r.Currency, r.Version }).IsUnique().HasDatabaseName("ux_customs_fx_rates_hub_currency_version");
    }
}

internal sealed class BuyerImportConfiguration : IEntityTypeConfiguration<BuyerImport>
{
    public void Configure(EntityTypeBuilder<BuyerImport> b)
    {
        b.ToTable("buyer_imports");
        b.HasKey(i => i.Id);
        b.Property(i => i.Id).HasColumnName("id").ValueGeneratedNever();
        b.Property(i => i.Hub).HasColumnName("hub").HasMaxLength(2);
        b.Property(i => i.Buyer).HasColumnName("buyer").HasMaxLength(64);
        b.Property(i => i.OrderId).HasColumnName("order_id").HasMaxLength(32);
        b.Property(i => i.RegimeCode).HasColumnName("regime_code").HasMaxLength(32);
        b.Property(i => i.Applied).HasColumnName("applied");
        b.Property(i => i.Date).HasColumnName("date");
        b.Property(i => i.Amount).HasColumnName("amount").HasPrecision(18, 4);
        b.Property(i => i.Currency).HasColumnName("currency").HasMaxLength(3);
        b.HasIndex(i => new { i.Hub, i.OrderId }).IsUnique().HasDatabaseName("ux_buyer_imports_hub_order");
        b.HasIndex(i => new { i.Hub, i.Buyer, i.Date }).HasDatabaseName("ix_buyer_imports_hub_buyer_date");
    }
}
