using Hub.Logistics.Domain.Consignments;
using Hub.Logistics.Domain.Lanes;
using Hub.Logistics.Domain.Pools;
using Hub.Logistics.Domain.Shipments;
using Hub.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Logistics.Data;

public sealed class LogisticsDbContext(DbContextOptions<LogisticsDbContext> options) : ServiceDbContext(options)
{
    internal const string ConsignmentNumbers = "consignment_numbers";

    internal DbSet<Lane> Lanes => Set<Lane>();

    internal DbSet<Consignment> Consignments => Set<Consignment>();

    internal DbSet<Pool> Pools => Set<Pool>();

    internal DbSet<PoolPlan> Plans => Set<PoolPlan>();

    internal DbSet<Shipment> Shipments => Set<Shipment>();

    internal DbSet<TrackingEvent> TrackingEvents => Set<TrackingEvent>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.HasSequence<long>(ConsignmentNumbers);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(LogisticsDbContext).Assembly);
        SnakeCaseNames.Apply(modelBuilder);
    }
}
