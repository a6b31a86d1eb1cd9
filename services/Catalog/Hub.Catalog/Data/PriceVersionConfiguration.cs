using Hub.Catalog.Domain.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Catalog.Data;

internal sealed class PriceVersionConfiguration : IEntityTypeConfiguration<PriceVersion>
{
    /// <summary>The key that keeps a version number to one price list of a product: two price changes at once both take the next one.</summary>
    public const string PrimaryKey = "PK_price_versions";

    public void Configure(EntityTypeBuilder<PriceVersion> b)
    {
        b.ToTable("price_versions");
        b.HasKey(v => new { v.ProductId, v.Version }).HasName(PrimaryKey);
        b.Property(v => v.ProductId).HasMaxLength(24);
        b.Property(v => v.Currency).HasMaxLength(3);
        b.Ignore(v => v.ListUnitPrice);
        b.HasOne<Product>().WithMany().HasForeignKey(v => v.ProductId).OnDelete(DeleteBehavior.Cascade);
        b.OwnsMany(v => v.Tiers, t =>
        {
            t.ToTable("price_tiers", c => c.HasCheckConstraint("ck_price_tiers_positive", "min_quantity > 0 AND unit_price > 0"));
            t.WithOwner().HasForeignKey("ProductId", "Version");
            t.HasKey("ProductId", "Version", nameof(PriceTier.MinQuantity));
            t.Property(x => x.MinQuantity).ValueGeneratedNever();
            t.Property(x => x.UnitPrice).HasPrecision(19, 4);
        });
        b.Navigation(v => v.Tiers).HasField("_tiers");
    }
}
