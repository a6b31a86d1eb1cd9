using Hub.Contracts.Logistics;
using Hub.Contracts.Values;
using Hub.Logistics.Data;
using Hub.Logistics.Domain.Consignments;
using Hub.Logistics.Domain.Freight;
using Hub.Logistics.Domain.Lanes;
using Hub.Logistics.Domain.Pools;
using Hub.Logistics.Pools;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Hub.Logistics.Booking;

/// <summary>
/// Books one order's consignment into its lane's open pool, idempotently by order id, and closes the pool early
/// when it fills the lane's largest container past the lane's threshold.
/// </summary>
internal sealed class ConsignmentBooking(
    LogisticsDbContext db, IOutbox outbox, TimeProvider clock, ServiceIdentity identity, PoolCloser closer, ILogger<ConsignmentBooking> logger)
{
    private const int Attempts = 5;

    public async Task<BookingResult> BookAsync(
        OrderId order, CompanyId company, CompanyId freightPayer, Lane lane, IReadOnlyList<Carton> cartons, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            if (await FindAsync(order, cancellationToken) is { } existing)
            {
                return existing;
            }

            BookingResult result;
            bool poolFilled;
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                (result, poolFilled) = await TryBookAsync(order, company, freightPayer, lane, cartons, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (attempt < Attempts && IsConflict(ex))
            {
                // Another booking of this order, or a pool opened for the lane meanwhile, committed first: look again.
                db.ChangeTracker.Clear();
                continue;
            }

            LogisticsLog.ConsignmentBooked(logger, result.Consignment.Reference, order.ToString(), lane.Code, result.Consignment.Status.ToString());
            if (poolFilled && result.Pool is { } pool)
            {
                await CloseFullPoolAsync(pool.Id, cancellationToken);
            }

            return result;
        }
    }

    // The booking stands even if planning fails; the pool stays closing and the cut-off service plans it.
    private async Task CloseFullPoolAsync(Guid poolId, CancellationToken cancellationToken)
    {
        try
        {
            await closer.CloseAsync(poolId, Pool.FillReason, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogisticsLog.PoolCloseFailed(logger, ex, poolId);
        }
    }

    private async Task<BookingResult?> FindAsync(OrderId order, CancellationToken cancellationToken)
    {
        var key = order.ToString();
        var existing = await db.Consignments.AsNoTracking().FirstOrDefaultAsync(c => c.OrderId == key, cancellationToken);
        return existing is null ? null : new BookingResult(existing, null, AlreadyBooked: true);
    }

    private async Task<(BookingResult Result, bool PoolFilled)> TryBookAsync(
        OrderId order, CompanyId company, CompanyId freightPayer, Lane lane, IReadOnlyList<Carton> cartons, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reason = Unshippable(lane, cartons);
        var pool = reason is null ? await OpenPoolAsync(lane, now, cancellationToken) : null;
        var number = await db.Database
            .SqlQueryRaw<long>($"SELECT nextval('{LogisticsDbContext.ConsignmentNumbers}') AS \"Value\"")
            .SingleAsync(cancellationToken);
        var consignment = Consignment.Book(
            new ConsignmentId(identity.Hub, number), order, company, lane.Id, cartons, lane.ChargeableWeight(cartons), now, freightPayer);
        db.Consignments.Add(consignment);

        if (pool is null)
        {
            consignment.Flag(reason!);
            outbox.PublishForOrder(identity.Hub, consignment.OrderId, new ConsignmentFlagged(consignment.Reference, consignment.OrderId, consignment.CompanyId, reason!, now));
            return (new BookingResult(consignment, null, AlreadyBooked: false), false);
        }

        pool.Add(cartons.Sum(c => c.VolumeCm3), cartons.Sum(c => c.WeightKg), now);
        consignment.JoinPool(pool.Id);
        var largest = lane.LargestContainer;
        var filled = pool.FillOf(largest.UsableVolumeM3, largest.PayloadKg) >= lane.EarlyCloseFill;
        if (filled)
        {
            pool.StopTaking(Pool.FillReason);
        }

        outbox.PublishForOrder(identity.Hub, consignment.OrderId, new ConsignmentBooked(
            consignment.Reference, consignment.OrderId, consignment.CompanyId, lane.Origin, lane.Destination, lane.Mode.ToString(),
            consignment.ChargeableWeight, ChargeableWeight.UnitOf(lane.Mode), pool.CutOffAt, now));
        return (new BookingResult(consignment, pool, AlreadyBooked: false), filled);
    }

    private async Task<Pool> OpenPoolAsync(Lane lane, DateTime now, CancellationToken cancellationToken)
    {
        // The lane's open pool is locked until the booking commits: the bookings of a busy lane take their turns on it
        // rather than each redoing its work after losing a race on the pool's version.
        var pool = (await db.Pools.FromSql($"SELECT *, xmin FROM pools WHERE lane_id = {lane.Id} AND status = 'Open' FOR UPDATE")
            .ToListAsync(cancellationToken)).SingleOrDefault();
        if (pool is not null && pool.Accepts(now))
        {
            return pool;
        }

        if (pool is not null)
        {
            // Past its cut-off and not yet picked up by the cut-off service: it stops taking consignments, saved
            // before the new pool is so that the one open pool per lane can be replaced.
            pool.StopTaking(Pool.CutOffReason);
            await db.SaveChangesAsync(cancellationToken);
        }

        var fresh = Pool.Open(lane.Id, lane.NextCutOff(now), now);
        db.Pools.Add(fresh);
        return fresh;
    }

    private static string? Unshippable(Lane lane, IReadOnlyList<Carton> cartons)
    {
        var specs = lane.Containers.Select(c => c.ToSpec()).ToList();
        var misfit = cartons.FirstOrDefault(carton => !specs.Any(spec => carton.ToPlanning().Load.FitsWithin(spec.Capacity)));
        return misfit is null
            ? null
            : $"A carton of {misfit.LengthCm} × {misfit.WidthCm} × {misfit.HeightCm} cm and {misfit.WeightKg} kg exceeds the usable volume or payload of every container on lane {lane.Code}.";
    }

    private static bool IsConflict(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };
}
