using Hub.Catalog.Domain.Products;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Catalog.Data;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.ToTable("products", t => t.HasCheckConstraint("ck_products_moq", "moq > 0 AND lead_time_days >= 0 AND price_version > 0"));
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).HasMaxLength(24).ValueGeneratedNever();
        b.HasIndex(p => p.Number).IsUnique().HasDatabaseName("ix_products_number");
        b.Property(p => p.Hub).HasMaxLength(2);
        b.Property(p => p.SupplierId).HasMaxLength(24);
        b.Property(p => p.CompanyId).HasMaxLength(24);
        // Every change of a product is checked against the status it was read with: of two lists, delists or edits that
        // cross, the second fails (DbUpdateConcurrencyException) instead of overwriting the first.
        b.Property(p => p.Status).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(p => p.HsCode).HasMaxLength(6);
        b.Property(p => p.HsEdition).HasMaxLength(8);
        b.Property(p => p.Origin).HasMaxLength(2);
        b.Property(p => p.Currency).HasMaxLength(3);
        b.Property(p => p.ListUnitPrice).HasPrecision(19, 4);
        b.Ignore(p => p.Title);
        b.ComplexProperty(p => p.Unit);
        b.ComplexProperty(p => p.Packaging);
        b.HasOne<Domain.Suppliers.Supplier>().WithMany().HasForeignKey(p => p.SupplierId).OnDelete(DeleteBehavior.Restrict);

        // Keyset pagination walks these: newest first, by list price (within one currency when a price bound names
        // it), by MOQ; the number breaks ties.
        b.HasIndex(p => new { p.Status, p.Number }).HasDatabaseName("ix_products_status_number");
        b.HasIndex(p => new { p.Status, p.ListUnitPrice, p.Number }).HasDatabaseName("ix_products_status_price");
        b.HasIndex(p => new { p.Status, p.Currency, p.ListUnitPrice, p.Number }).HasDatabaseName("ix_products_status_currency_price");
        b.HasIndex(p => new { p.Status, p.Moq, p.Number }).HasDatabaseName("ix_products_status_moq");
        b.HasIndex(p => p.HsCode).HasOperators("text_pattern_ops").HasDatabaseName("ix_products_hs_code");
        b.HasIndex(p => new { p.CompanyId, p.Number }).HasDatabaseName("ix_products_company");

        // products.search_vector and products.search_text (all texts of a product, with their CJK search keys) and
        // their GIN indexes live outside this model: a trigger on product_texts keeps them (migration
        // ProductSearchColumns), and only the search's SQL reads them (ProductSearchSql). On the product row, one
        // search reads the words, filters and sort keys together instead of joining a row per language.

        b.OwnsMany(p => p.Texts, t =>
        {
            t.ToTable("product_texts");
            t.WithOwner().HasForeignKey("ProductId");
            t.Property<long>("Id").UseIdentityAlwaysColumn();
            t.HasKey("Id");
            t.Property(x => x.Language).HasMaxLength(ProductLimits.LanguageLength);
            t.Property(x => x.Title).HasMaxLength(ProductLimits.TitleLength);
            t.Property(x => x.Description).HasMaxLength(ProductLimits.DescriptionLength);
            t.Property(x => x.SearchKeys).HasMaxLength(ProductText.MaxSearchKeysLength);
            t.HasIndex("ProductId").HasDatabaseName("ix_product_texts_product_id");
        });
        b.Navigation(p => p.Texts).HasField("_texts");

        b.OwnsMany(p => p.NationalLines, l =>
        {
            l.ToTable("product_national_lines");
            l.WithOwner().HasForeignKey("ProductId");
            l.Property<long>("Id").UseIdentityAlwaysColumn();
            l.HasKey("Id");
            l.Property(x => x.Destination).HasMaxLength(2);
            l.Property(x => x.Line).HasMaxLength(13);
            l.HasIndex("ProductId").HasDatabaseName("ix_product_national_lines_product_id");
        });
        b.Navigation(p => p.NationalLines).HasField("_nationalLines");
    }
}
