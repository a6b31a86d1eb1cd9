using Hub.TaxRefund.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.TaxRefund.Data;

internal sealed class RefundRateConfiguration : IEntityTypeConfiguration<RefundRate>
{
    public void Configure(EntityTypeBuilder<RefundRate> b)
    {
        b.ToTable("refund_rates");
        b.HasKey(r => r.Id);
        b.Property(r => r.Hub).HasMaxLength(2).IsRequired();
        b.Property(r => r.HsPrefix).HasMaxLength(10).IsRequired();
        b.Property(r => r.Rate).HasPrecision(StoredNumber.Rate.Precision, StoredNumber.Rate.Scale);
        b.HasIndex(r => new { r.Hub, r.HsPrefix, r.ValidFrom }).IsUnique();
        b.HasData(RefundRateSeed.Rates);
    }
}
