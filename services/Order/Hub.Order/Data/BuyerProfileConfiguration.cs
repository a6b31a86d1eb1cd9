using Hub.Order.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Order.Data;

internal sealed class BuyerProfileConfiguration : IEntityTypeConfiguration<BuyerProfile>
{
    public void Configure(EntityTypeBuilder<BuyerProfile> b)
    {
        b.ToTable("buyer_profiles");
        b.HasKey(p => p.Company);
        b.Property(p => p.Company).HasMaxLength(24);
        b.Property(p => p.LegalName).HasMaxLength(TradeOrder.MaxNameLength);
        b.Property(p => p.Address).HasMaxLength(TradeOrder.MaxAddressLength);
        b.Property(p => p.UpdatedBy).HasMaxLength(200);
    }
}
