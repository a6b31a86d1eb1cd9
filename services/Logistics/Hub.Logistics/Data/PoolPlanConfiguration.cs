using Hub.Logistics.Domain.Pools;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Hub.Logistics.Data;

internal sealed class PoolPlanConfiguration : IEntityTypeConfiguration<PoolPlan>
{
    public void Configure(EntityTypeBuilder<PoolPlan> b)
    {
        b.ToTable("plans");
        b.HasKey(p => p.Id);
        b.Property(p => p.Id).ValueGeneratedNever();
        b.HasIndex(p => p.PoolId).IsUnique();
        b.Property(p => p.Mode).HasConversion<string>().HasMaxLength(16);
        b.Property(p => p.ContainerCode).HasMaxLength(16);
        b.Property(p => p.Method).HasMaxLength(32);
        b.Property(p => p.Cost).HasPrecision(18, 4);
        b.Property(p => p.Currency).HasMaxLength(3);
    }
}
