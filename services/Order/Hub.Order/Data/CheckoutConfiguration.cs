using Hub.Order.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Order.Data;

internal sealed class CheckoutConfiguration : IEntityTypeConfiguration<Checkout>
{
    public void Configure(EntityTypeBuilder<Checkout> b)
    {
        b.ToTable("checkouts");
        b.HasKey(c => c.Id);
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.BuyerCompany).HasMaxLength(24);
        b.Property(c => c.CartHash).HasMaxLength(64);
        b.Property(c => c.Pricing).HasColumnType("jsonb");
        // The sweeper removes expired checkouts oldest first.
        b.HasIndex(c => c.ExpiresAt);
    }
}
