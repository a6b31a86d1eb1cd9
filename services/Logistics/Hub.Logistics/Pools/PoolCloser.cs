using Hub.Contracts.Logistics;
using Hub.Contracts.Values;
using Hub.Logistics.Data;
using Hub.Logistics.Domain.Consignments;
using Hub.Logistics.Domain.Lanes;
using Hub.Logistics.Domain.Planning;
using Hub.Logistics.Domain.Pools;
using Hub.Logistics.Domain.Shipments;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hub.Logistics.Pools;

/// <summary>
/// Turns a pool into a plan: chooses container type and load mode, books one shipment per container with its
/// master bill, gives every loaded consignment its house bill and its share of the freight, flags what cannot be loaded.
/// </summary>
internal sealed class PoolCloser(
    LogisticsDbContext db, IOutbox outbox, ServiceIdentity identity, ConsolidationPlanner planner, PlanMetrics metrics, TimeProvider clock, ILogger<PoolCloser> logger)
{
    private const int MaxAttempts = 5;

    /// <summary>Plans the pool; returns the plan (an existing one if the pool was planned before), null if there is no such pool.</summary>
    public async Task<PoolPlan?> CloseAsync(Guid poolId, string reason, CancellationToken cancellationToken)
    {
        // The pool changed under the plan even so (a caller's own transaction read it unlocked): either another closer
        // planned it (the next attempt returns that plan) or a booking joined it (the next attempt plans that one too).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await PlanAsync(poolId, reason, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                LogisticsLog.PoolPlannedConcurrently(logger, poolId);
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<PoolPlan?> PlanAsync(Guid poolId, string reason, CancellationToken cancellationToken)
    {
        // The pool's row stays locked until the plan commits, so bookings wait for it (and then open the next pool)
        // instead of changing the pool under the plan.
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var pool = (await db.Pools.FromSql($"SELECT *, xmin FROM pools WHERE id = {poolId} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault();
        if (pool is null || pool.Status == PoolStatus.Closed)
        {
            return pool is null ? null : await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.PoolId == poolId, cancellationToken);
        }

        if (pool.Status == PoolStatus.Open)
        {
            pool.StopTaking(reason);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        // Planned and billed on the lane's terms the pool took its consignments under: a pool planned after its cut-off
        // (by the cut-off service, which may get to it later, or an operator) on those in force until the cut-off, since
        // terms from the cut-off on are the next pool's; one planned before it (filled, or closed early) on today's.
        var lane = await db.Lanes.AsNoTracking().FirstAsync(l => l.Id == pool.LaneId, cancellationToken);
        lane.ApplyDue(pool.CutOffAt <= now ? pool.CutOffAt.AddTicks(-1) : now);
        var consignments = await db.Consignments
            .Where(c => c.PoolId == pool.Id && c.Status == ConsignmentStatus.Pooled)
            .OrderBy(c => c.Number)
            .ToListAsync(cancellationToken);
        var choice = LoadChoice.Choose(lane, consignments, planner);
        var byReference = consignments.ToDictionary(c => c.Reference, StringComparer.Ordinal);
        foreach (var rejected in choice.Plan.Rejected)
        {
            var consignment = byReference[rejected.ConsignmentId];
            consignment.Flag(rejected.Reason);
            outbox.PublishForOrder(identity.Hub, consignment.OrderId, new ConsignmentFlagged(consignment.Reference, consignment.OrderId, consignment.CompanyId, rejected.Reason, now));
        }

        var plan = PoolPlan.From(pool, choice.Plan, choice.Mode, choice.Cost, lane.Currency, now);
        db.Plans.Add(plan);
        foreach (var container in choice.Plan.Containers)
        {
            var shipment = Book(lane, plan, choice, container, byReference, now);
            db.Shipments.Add(shipment);
            db.TrackingEvents.Add(TrackingEvent.ForShipment(shipment.Id, "Booked", now, "planner"));
        }

        foreach (var consignment in consignments.Where(c => c.Status == ConsignmentStatus.Pooled))
        {
            consignment.Load($"HB-{consignment.Reference}");
        }

        pool.MarkPlanned(now);
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        metrics.Record(lane.Code, plan);
        LogisticsLog.PoolPlanned(
            logger, pool.Id, lane.Code, pool.CloseReason ?? reason, plan.Mode.ToString(), plan.Containers, plan.ContainerCode, plan.LowerBound,
            plan.FirstFitDecreasing, plan.VolumeFill, plan.WeightFill, plan.SplitConsignments, plan.FlaggedConsignments, plan.RuntimeMs, plan.Method);
        return plan;
    }

    private static Shipment Book(
        Lane lane, PoolPlan plan, LoadChoice choice, PlannedContainer container, Dictionary<string, Consignment> byReference, DateTime now)
    {
        var items = container.Parts.Select(part =>
        {
            var consignment = byReference[part.ConsignmentId];
            var whole = part.CartonIndexes.Count == consignment.Cartons.Count;
            var chargeable = whole
                ? consignment.ChargeableWeight
                : lane.ChargeableWeight(part.CartonIndexes.Select(i => consignment.Cartons[i]));
            return new ShipmentItem(consignment.Number, consignment.Reference, consignment.OrderId, part.CartonIndexes.Count, chargeable);
        }).ToList();

        var bill = choice.Mode == LoadMode.FullContainer
            ? new Money(choice.Container.FullLoadRate, lane.RateCurrency).Round(MoneyRounding.HalfUp)
            : lane.SharedSpacePrice(items.Sum(i => i.ChargeableWeight));
        var masterBill = $"MB-{lane.Code}-{now:yyyyMMdd}-{plan.Id.ToString("N")[^6..].ToUpperInvariant()}-{container.Number:D2}";
        var shipment = Shipment.Book(plan.Id, lane.Id, container.Number, choice.Container.Code, masterBill, bill, items);
        foreach (var item in shipment.Items)
        {
            byReference[item.ConsignmentReference].ChargeFreight(new Money(item.FreightAmount, lane.RateCurrency));
        }

        return shipment;
    }
}
