using Hub.Order.Domain;
using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Order.Data;

public sealed class OrderDbContext(DbContextOptions<OrderDbContext> options) : ServiceDbContext(options)
{
    internal DbSet<Purchase> Purchases => Set<Purchase>();

    internal DbSet<TradeOrder> Orders => Set<TradeOrder>();

    internal DbSet<Checkout> Checkouts => Set<Checkout>();

    internal DbSet<PendingReservation> PendingReservations => Set<PendingReservation>();

    internal DbSet<PlacementKey> PlacementKeys => Set<PlacementKey>();

    internal DbSet<PartnerMandate> PartnerMandates => Set<PartnerMandate>();

    internal DbSet<BuyerProfile> BuyerProfiles => Set<BuyerProfile>();

    internal DbSet<PlacementInstance> PlacementInstances => Set<PlacementInstance>();

    /// <summary>
    /// Locks the order's row until the current transaction ends, so that one order's changes (its events, its buyer's
    /// requests) are made one after the other, each on the order as the previous one left it.
    /// </summary>
    internal Task LockOrderAsync(string orderId, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT 1 FROM orders WHERE id = {orderId} FOR UPDATE", cancellationToken);

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
