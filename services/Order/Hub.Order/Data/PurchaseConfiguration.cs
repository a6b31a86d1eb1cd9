using Hub.Order.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Order.Data;

internal sealed class PurchaseConfiguration : IEntityTypeConfiguration<Purchase>
{
    public void Configure(EntityTypeBuilder<Purchase> b)
    {
        b.ToTable("purchases");
        b.HasKey(p => p.Id);
        b.Property(p => p.BuyerCompany).HasMaxLength(24);
        b.Property(p => p.IdempotencyKey).HasMaxLength(200);
        b.Property(p => p.RequestHash).HasMaxLength(64);
        // One purchase per buyer and key: a parallel duplicate loses on this index.
        b.HasIndex(p => new { p.BuyerCompany, p.IdempotencyKey }).IsUnique();
        // One purchase per checkout: a second placement of it under another key loses on this index.
        b.HasIndex(p => p.CheckoutId).IsUnique();
        b.HasMany(p => p.Orders).WithOne().HasForeignKey(o => o.PurchaseId);
        b.Navigation(p => p.Orders).HasField("_orders");
    }
}
