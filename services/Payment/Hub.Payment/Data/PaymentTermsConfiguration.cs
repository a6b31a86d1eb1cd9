using Hub.Payment.Domain.Terms;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Payment.Data;

internal sealed class PaymentTermsConfiguration : IEntityTypeConfiguration<PaymentTerms>
{
    public void Configure(EntityTypeBuilder<PaymentTerms> b)
    {
        b.ToTable("payment_terms");
        b.HasKey(t => t.Id);
        b.Property(t => t.ChangedBy).HasMaxLength(200).IsRequired();
        b.Ignore(t => t.QuoteLock);
        b.HasIndex(t => t.EffectiveFrom);

        // The starting terms: 0.50 % FX margin, 2.00 % platform fee, quotes locked 15 minutes, auto-release after 14 days,
        // disputes negotiated 3 days before escalation and opened up to 30 days after the release, goods promised to
        // depart within 15 days of payment, or 0.50 % of the payment back for each day late, at most 5.00 %.
        b.HasData(new
        {
            Id = Guid.Parse("0193a000-0000-7000-8000-0000000000a1"),
            EffectiveFrom = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
            FxMarginBps = 50,
            PlatformFeeBps = 200,
            QuoteLockSeconds = 900,
            AutoReleaseDays = 14,
            DisputeNegotiationDays = 3,
            ProtectionDays = 30,
            ShipWithinDays = 15,
            LateShipmentBpsPerDay = 50,
            LateShipmentCapBps = 500,
            ChangedBy = "seed",
        });
    }
}
