using Hub.Payment.Domain.Payouts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Payment.Data;

internal sealed class PayoutConfiguration : IEntityTypeConfiguration<Payout>
{
    public void Configure(EntityTypeBuilder<Payout> b)
    {
        b.ToTable("payouts");
        b.HasKey(p => p.Reference);
        b.Property(p => p.Reference).HasMaxLength(200);
        b.Property(p => p.PayeeCompany).HasMaxLength(40).IsRequired();
        b.Property(p => p.Currency).HasMaxLength(3).IsRequired();
        b.Property(p => p.Amount).HasPrecision(28, 4);
        b.Ignore(p => p.Paid);
    }
}
