using Hub.Payment.Domain.Fx;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Payment.Data;

internal sealed class FxQuoteConfiguration : IEntityTypeConfiguration<FxQuote>
{
    public void Configure(EntityTypeBuilder<FxQuote> b)
    {
        b.ToTable("fx_quotes");
        b.HasKey(q => q.Id);
        b.Property(q => q.BuyerCompany).HasMaxLength(40).IsRequired();
        b.Property(q => q.PayCurrency).HasMaxLength(3).IsRequired();
        b.Property(q => q.SettlementCurrency).HasMaxLength(3).IsRequired();
        b.Property(q => q.PayAmount).HasPrecision(28, 4);
        b.Property(q => q.SettlementAmount).HasPrecision(28, 4);
        b.Property(q => q.Rate).HasPrecision(28, 8);
        b.Property(q => q.MarketRate).HasPrecision(28, 8);
        b.Property(q => q.UsedByOrder).HasMaxLength(40);
        b.Ignore(q => q.Pay);
        b.Ignore(q => q.Settlement);
        b.HasIndex(q => q.BuyerCompany);
    }
}
