using Hub.Contracts.Logistics;
using Hub.Contracts.Values;
using Hub.Logistics.Data;
using Hub.Logistics.Domain.Consignments;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Hub.Logistics.Booking;

/// <summary>
/// Takes an order's consignment out of its pool before it is planned, idempotently by order id. The pool's row is
/// locked first, as the pool closer locks it, so a cancellation and the plan of the same pool happen one after the
/// other: either the plan leaves the consignment out, or the cancellation finds it planned and is refused.
/// </summary>
internal sealed class ConsignmentCancellation(
    LogisticsDbContext db, IOutbox outbox, TimeProvider clock, ServiceIdentity identity, ILogger<ConsignmentCancellation> logger)
{
    private const int Attempts = 3;

    /// <summary>Cancels the order's consignment; null if the order has none.</summary>
    /// <exception cref="Domain.IllegalTransitionException">It is planned into a shipment, departed or later.</exception>
    /// <exception cref="DbUpdateConcurrencyException">It kept changing meanwhile.</exception>
    public async Task<CancellationResult?> CancelAsync(OrderId order, string reason, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await TryCancelAsync(order.ToString(), reason, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                // A concurrent cancellation of a consignment outside any pool committed first: the next look finds it.
                db.ChangeTracker.Clear();
            }
        }
    }

    private async Task<CancellationResult?> TryCancelAsync(string order, string reason, CancellationToken cancellationToken)
    {
        var poolId = await db.Consignments.AsNoTracking().Where(c => c.OrderId == order).Select(c => c.PoolId).FirstOrDefaultAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var pool = poolId is { } id
            ? (await db.Pools.FromSql($"SELECT *, xmin FROM pools WHERE id = {id} FOR UPDATE").ToListAsync(cancellationToken)).SingleOrDefault()
            : null;
        var consignment = await db.Consignments.FirstOrDefaultAsync(c => c.OrderId == order, cancellationToken);
        if (consignment is null)
        {
            return null;
        }

        var pooled = consignment.Status == ConsignmentStatus.Pooled;
        var now = clock.GetUtcNow().UtcDateTime;
        if (!consignment.Cancel(reason, now))
        {
            return new CancellationResult(consignment, AlreadyCancelled: true);
        }

        if (pooled && pool is not null)
        {
            pool.Remove(consignment.Cartons.Sum(c => c.VolumeCm3), consignment.Cartons.Sum(c => c.WeightKg));
        }

        outbox.PublishForOrder(identity.Hub, consignment.OrderId, new ConsignmentCancelled(consignment.Reference, consignment.OrderId, consignment.CompanyId, reason, now));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        LogisticsLog.ConsignmentCancelled(logger, consignment.Reference, consignment.OrderId, reason);
        return new CancellationResult(consignment, AlreadyCancelled: false);
    }
}
