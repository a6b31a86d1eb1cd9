using Hub.Payment.Domain.Escrows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Payment.Data;

internal sealed class EscrowConfiguration : IEntityTypeConfiguration<Escrow>
{
    public void Configure(EntityTypeBuilder<Escrow> b)
    {
        b.ToTable("escrows");
        b.HasKey(e => e.OrderId);
        b.Property(e => e.OrderId).HasMaxLength(40);
        b.Property(e => e.BuyerCompany).HasMaxLength(40).IsRequired();
        b.Property(e => e.SupplierCompany).HasMaxLength(40).IsRequired();
        b.Property(e => e.Currency).HasMaxLength(3).IsRequired();
        b.Property(e => e.SettlementCurrency).HasMaxLength(3).IsRequired();
        b.Property(e => e.PaidAmount).HasPrecision(28, 4);
        b.Property(e => e.RefundedAmount).HasPrecision(28, 4);
        b.Property(e => e.DutiesPaidAmount).HasPrecision(28, 4);
        b.Property(e => e.SettlementAmount).HasPrecision(28, 4);
        b.Property(e => e.SettledAmount).HasPrecision(28, 4);
        b.Property(e => e.FeeAmount).HasPrecision(28, 4);
        b.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.SupplierName).HasMaxLength(Escrow.MaxNameLength);
        b.Property(e => e.PayeeMatchedName).HasMaxLength(Escrow.MaxNameLength);
        b.Property(e => e.PayeeDecision).HasConversion<string>().HasMaxLength(20);
        b.Property(e => e.PayeeDecidedBy).HasMaxLength(100);
        b.Property(e => e.PayeeDecisionNote).HasMaxLength(500);
        b.Ignore(e => e.Payee);
        b.Ignore(e => e.PayeeHeld);
        b.Ignore(e => e.NeedsPayeeScreening);
        b.Ignore(e => e.Paid);
        b.Ignore(e => e.Refunded);
        b.Ignore(e => e.DutiesPaid);
        b.Ignore(e => e.Remaining);
        b.Ignore(e => e.Settlement);
        b.HasIndex(e => e.BuyerCompany);
        b.HasIndex(e => e.SupplierCompany);
        b.HasIndex(e => e.ReleaseDueAt).HasFilter("status = 'Secured'");
    }
}
