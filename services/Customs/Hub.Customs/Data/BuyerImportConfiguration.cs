using Hub.Customs.Domain.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Customs.Data;

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
