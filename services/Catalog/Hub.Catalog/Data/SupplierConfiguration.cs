using Hub.Catalog.Domain.Suppliers;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Catalog.Data;

internal sealed class SupplierConfiguration : IEntityTypeConfiguration<Supplier>
{
    /// <summary>The index that keeps a company to one supplier registration.</summary>
    public const string CompanyIndex = "ix_suppliers_company_id";

    public void Configure(EntityTypeBuilder<Supplier> b)
    {
        b.ToTable("suppliers");
        b.HasKey(s => s.Id);
        b.Property(s => s.Id).HasMaxLength(24).ValueGeneratedNever();
        b.HasIndex(s => s.Number).IsUnique().HasDatabaseName("ix_suppliers_number");
        b.Property(s => s.CompanyId).HasMaxLength(24);
        b.HasIndex(s => s.CompanyId).IsUnique().HasDatabaseName(CompanyIndex);
        b.Property(s => s.HomeHub).HasMaxLength(2);
        b.Property(s => s.Name).HasMaxLength(200);
        b.Property(s => s.TraderId).HasMaxLength(35);
        b.Property(s => s.Country).HasMaxLength(2);
        b.Property(s => s.Currency).HasMaxLength(3);
    }
}
