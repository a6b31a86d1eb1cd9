using Hub.Catalog.Data;
using Hub.Catalog.Domain;
using Hub.Catalog.Domain.Products;
using Hub.Catalog.Domain.Stock;
using Hub.Contracts.Catalog;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Catalog.Stock;

/// <summary>
/// Reserves, releases and commits an order's stock. Each command runs in one transaction that first takes an
/// advisory lock on the order id (so repeats of the same order serialize and see the first outcome), then locks the
/// stock rows in product-id order (so concurrent orders never deadlock and never oversell). A reservation, the hot
/// path of every order, costs three round trips: the claim (<see cref="StockClaim"/>), the inserts of the reservation
/// and its events, the commit.
/// </summary>
internal sealed class StockLedger(CatalogDbContext db, IOutbox outbox, TimeProvider clock, ILogger<StockLedger> logger)
{
    public async Task<StockReservation> ReserveAsync(OrderId order, IReadOnlyList<ReservationLine> lines, CancellationToken cancellationToken)
    {
        var orderId = order.ToString();
        var now = clock.GetUtcNow().UtcDateTime;
        var candidate = StockReservation.Reserved(orderId, lines, now);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var claim = await StockClaim.RunAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), orderId, candidate.Lines, now, cancellationToken);
        if (claim.Known)
        {
            var existing = await db.Reservations.AsNoTracking().SingleAsync(r => r.OrderId == orderId, cancellationToken);
            return existing.IsFor(lines)
                ? existing
                : throw new CatalogRuleException($"Order {orderId} already reserved other lines; an order id can only be reserved once.");
        }

        StockReservation reservation;
        if (claim.Reserved)
        {
            reservation = candidate;
            foreach (var line in claim.Lines)
            {
                var left = line.Available - line.Quantity;
                if (line.Available >= line.LowStockThreshold && left < line.LowStockThreshold)
                {
                    outbox.Publish(new StockLow(line.ProductId, line.SupplierId!, left, line.LowStockThreshold, now));
                }
            }

            outbox.Publish(new StockReserved(orderId, [.. reservation.Lines.Select(l => l.ProductId)], [.. reservation.Lines.Select(l => l.Quantity)], now));
        }
        else
        {
            var problems = claim.Lines.Select(line => line switch
            {
                { Status: null } => $"{line.ProductId}: no such product",
                { Status: not ProductStatus.Listed } => $"{line.ProductId}: {line.Status.Value.ToString().ToLowerInvariant()}, not listed",
                _ when line.Available < line.Quantity => $"{line.ProductId}: {line.Quantity} requested, {line.Available} available",
                _ => null,
            }).OfType<string>();
            reservation = StockReservation.Rejected(orderId, lines, string.Join("; ", problems), now);
            CatalogLog.ReservationRejected(logger, orderId, reservation.RejectionReason!);
        }

        db.Reservations.Add(reservation);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return reservation;
    }

    /// <summary>Gives the units back; null when the order never reserved anything.</summary>
    public Task<StockReservation?> ReleaseAsync(OrderId order, CancellationToken cancellationToken) =>
        FinishAsync(order, ReservationStatus.Released, cancellationToken);

    /// <summary>Takes the units out of stock for good; null when the order never reserved anything.</summary>
    public Task<StockReservation?> CommitAsync(OrderId order, CancellationToken cancellationToken) =>
        FinishAsync(order, ReservationStatus.Committed, cancellationToken);

    private async Task<StockReservation?> FinishAsync(OrderId order, ReservationStatus target, CancellationToken cancellationToken)
    {
        var orderId = order.ToString();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await LockOrderAsync(orderId, cancellationToken);
        var reservation = await db.Reservations.FirstOrDefaultAsync(r => r.OrderId == orderId, cancellationToken);
        if (reservation is null || reservation.Status == target
            || (target == ReservationStatus.Released && reservation.Status == ReservationStatus.Rejected))
        {
            return reservation;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var stock = (await LockStockAsync([.. reservation.Lines.Select(l => l.ProductId)], cancellationToken))
            .ToDictionary(s => s.ProductId, StringComparer.Ordinal);
        var productIds = reservation.Lines.Select(l => l.ProductId).ToList();
        var quantities = reservation.Lines.Select(l => l.Quantity).ToList();
        if (target == ReservationStatus.Released)
        {
            reservation.Release(now);
            foreach (var line in reservation.Lines)
            {
                stock[line.ProductId].Release(line.Quantity, now);
            }

            outbox.Publish(new StockReleased(orderId, productIds, quantities, now));
        }
        else
        {
            reservation.Commit(now);
            foreach (var line in reservation.Lines)
            {
                stock[line.ProductId].Commit(line.Quantity, now);
            }

            outbox.Publish(new StockCommitted(orderId, productIds, quantities, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return reservation;
    }

    private Task LockOrderAsync(string orderId, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({orderId}, 0))", cancellationToken);

    private Task<List<StockItem>> LockStockAsync(string[] productIds, CancellationToken cancellationToken) =>
        db.StockItems
            .FromSql($"SELECT * FROM product_stock WHERE product_id = ANY({productIds}) ORDER BY product_id FOR UPDATE")
            .ToListAsync(cancellationToken);
}
