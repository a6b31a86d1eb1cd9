using Hub.Order.Domain;
using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Order.Data;

public sealed class OrderDbContext(DbContextOptions<OrderDbContext> options) : ServiceDbContext(options)
{
    internal DbSet<Purchase> Purchases => Set<Purchase>();

    internal DbSet<TradeOrder> Orders => Set<TradeOrder>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>(OrderSequences.Orders);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrderDbContext).Assembly);
        modelBuilder.UseSnakeCaseColumns("Hub.Order.Domain");

        // The concurrency token is PostgreSQL's own row version, not a column of ours.
        modelBuilder.Entity<TradeOrder>().Property(o => o.Version).HasColumnName("xmin");
    }
}
