using Hub.Catalog.Domain.Products;
using Hub.Catalog.Domain.Stock;
using Hub.Catalog.Domain.Suppliers;
using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Catalog.Data;

public sealed class CatalogDbContext(DbContextOptions<CatalogDbContext> options) : ServiceDbContext(options)
{
    internal DbSet<Supplier> Suppliers => Set<Supplier>();

    internal DbSet<Product> Products => Set<Product>();

    internal DbSet<PriceVersion> PriceVersions => Set<PriceVersion>();

    internal DbSet<StockItem> StockItems => Set<StockItem>();

    internal DbSet<StockReservation> Reservations => Set<StockReservation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        // Trigram indexes find CJK substrings that the word-based full-text parser cannot split out.
        modelBuilder.HasPostgresExtension("pg_trgm");
        modelBuilder.HasSequence<long>(CatalogSequences.Products);
        modelBuilder.HasSequence<long>(CatalogSequences.Suppliers);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CatalogDbContext).Assembly);
        modelBuilder.UseSnakeCaseColumns("Hub.Catalog.Domain");
    }
}
