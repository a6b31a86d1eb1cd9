using Hub.Catalog.Domain.Products;
using Hub.Catalog.Domain.Stock;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Catalog.Data;

internal sealed class StockItemConfiguration : IEntityTypeConfiguration<StockItem>
{
    public void Configure(EntityTypeBuilder<StockItem> b)
    {
        // The database refuses overselling even if application code ever got it wrong.
        b.ToTable("product_stock", t => t.HasCheckConstraint("ck_product_stock_bounds", "reserved >= 0 AND reserved <= on_hand AND low_stock_threshold >= 0"));
        b.HasKey(s => s.ProductId);
        b.Property(s => s.ProductId).HasMaxLength(24);
        b.Ignore(s => s.Available);
        b.Ignore(s => s.IsLow);
        b.HasOne<Product>().WithOne().HasForeignKey<StockItem>(s => s.ProductId).OnDelete(DeleteBehavior.Cascade);
    }
}
