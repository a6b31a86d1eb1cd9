using Hub.Customs.Domain.Declarations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Customs.Data;

internal sealed class DeclarationConfiguration : IEntityTypeConfiguration<Declaration>
{
    public void Configure(EntityTypeBuilder<Declaration> b)
    {
        b.ToTable("declarations");
        b.HasKey(d => d.Id);
        b.Property(d => d.Id).HasColumnName("id").HasMaxLength(32);
        b.Property(d => d.Hub).HasColumnName("hub").HasMaxLength(2);
        b.Property(d => d.Type).HasColumnName("type").HasConversion<string>().HasMaxLength(8);
        b.Property(d => d.Lrn).HasColumnName("lrn").HasMaxLength(64);
        b.Property(d => d.OrderId).HasColumnName("order_id").HasMaxLength(32);
        b.Property(d => d.Mrn).HasColumnName("mrn").HasMaxLength(32);
        b.Property(d => d.Status).HasColumnName("status").HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(d => d.Incoterm).HasColumnName("incoterm").HasMaxLength(3);
        b.Property(d => d.IncotermPlace).HasColumnName("incoterm_place");
        b.Property(d => d.InvoiceNumber).HasColumnName("invoice_number");
        b.Property(d => d.InvoiceCurrency).HasColumnName("invoice_currency").HasMaxLength(3);
        b.Property(d => d.InvoiceTotal).HasColumnName("invoice_total").HasPrecision(18, 4);
        b.Property(d => d.FxRate).HasColumnName("fx_rate").HasPrecision(18, 8);
        b.Property(d => d.Currency).HasColumnName("currency").HasMaxLength(3);
        b.Property(d => d.Duty).HasColumnName("duty").HasPrecision(18, 4);
        b.Property(d => d.ConsumptionTax).HasColumnName("consumption_tax").HasPrecision(18, 4);
        b.Property(d => d.Vat).HasColumnName("vat").HasPrecision(18, 4);
        b.Property(d => d.RegimeCode).HasColumnName("regime_code").HasMaxLength(32);
        b.Property(d => d.RoundingRule).HasColumnName("rounding_rule");
        b.Property(d => d.ScreeningListVersion).HasColumnName("screening_list_version");
        b.Property(d => d.ScreeningScore).HasColumnName("screening_score");
        b.Property(d => d.ScreeningMatch).HasColumnName("screening_match");
        b.Property(d => d.HoldReason).HasColumnName("hold_reason");
        b.Property(d => d.RejectionReason).HasColumnName("rejection_reason");
        b.Property(d => d.WithdrawalReason).HasColumnName("withdrawal_reason");
        b.Property(d => d.DecidedBy).HasColumnName("decided_by");
        b.Property(d => d.SubmittedAt).HasColumnName("submitted_at");
        b.Property(d => d.AcceptedAt).HasColumnName("accepted_at");
        b.Property(d => d.DecidedAt).HasColumnName("decided_at");
        b.Ignore(d => d.TotalTaxes);
        b.HasIndex(d => new { d.Hub, d.Type, d.Lrn }).IsUnique().HasDatabaseName("ux_declarations_hub_type_lrn");
        b.HasIndex(d => new { d.Hub, d.Type, d.OrderId }).IsUnique().HasDatabaseName("ux_declarations_hub_type_order");
        b.HasIndex(d => d.Status).HasDatabaseName("ix_declarations_status");

        b.OwnsOne(d => d.Exporter, p => p.ToJson("exporter"));
        b.OwnsOne(d => d.Importer, p => p.ToJson("importer"));
        b.OwnsOne(d => d.Declarant, p => p.ToJson("declarant"));
        b.OwnsOne(d => d.Transport, t => t.ToJson("transport"));
        b.Navigation(d => d.Items).HasField("_items").UsePropertyAccessMode(PropertyAccessMode.Field);
        b.OwnsMany(d => d.Items, i =>
        {
            i.ToJson("items");
            i.OwnsMany(x => x.Taxes);
        });
    }
}
