using Hub.Catalog.Data;
using Hub.Catalog.Domain.Products;
using Hub.Catalog.Domain.Stock;
using Hub.Contracts.Catalog;
using Hub.Contracts.Values;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Hub.Catalog.Stock;

/// <summary>What an order got from a reservation: its reservation, made now or by an earlier request for the order.</summary>
internal sealed record ReservationOutcome(StockReservation Reservation, bool Repeat);

/// <summary>
/// Reserves, releases and commits orders' stock. Each command runs in one transaction that takes the orders' advisory
/// locks (so repeats of the same order serialize and see the first outcome) and then the stock rows in product-id
/// order (so concurrent transactions never deadlock and never oversell). Reservations, the hot path of every order,
/// come in groups (<see cref="ReservationBatcher"/>) for every order that arrived meanwhile. A group is first written
/// as reserved in full, in one round trip that stops before its writes unless that is its outcome
/// (<see cref="StockWrites.ReserveAllAsync"/>); otherwise it is decided order by order in two — the locks and what they
/// guard (<see cref="StockLocks"/>), then the writes with the commit (<see cref="StockWrites.CommitAsync"/>) — and a
/// third for the reservations already made when a group repeats an order.
/// </summary>
internal sealed class StockLedger(CatalogDbContext db, IOutbox outbox, OutboxWriter events, TimeProvider clock, ILogger<StockLedger> logger)
{
    /// <summary>
    /// Reserves each order's lines in full or rejects the order with the reasons, in turn, so that orders of one group
    /// competing for the last units are served first come, first served. The candidates are the orders as they would
    /// be reserved, one per order id.
    /// </summary>
    public async Task<IReadOnlyList<ReservationOutcome>> ReserveAsync(IReadOnlyList<StockReservation> candidates, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await ReserveAllAsync(connection, candidates, cancellationToken) ?? await DecideAsync(connection, candidates, cancellationToken);
        }
        catch
        {
            await BatchTransaction.AbandonAsync(connection);
            throw;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    // The usual case: orders never seen before, on stock that has plenty. Null when the group is not that case.
    private async Task<IReadOnlyList<ReservationOutcome>?> ReserveAllAsync(NpgsqlConnection connection, IReadOnlyList<StockReservation> candidates, CancellationToken cancellationToken)
    {
        try
        {
            var outboxIds = await StockWrites.ReserveAllAsync(connection, candidates, events.Publish([.. candidates.Select(StockReservedEvent)]),
                clock.GetUtcNow().UtcDateTime, cancellationToken);
            events.Committed(outboxIds);
            return [.. candidates.Select(c => new ReservationOutcome(c, Repeat: false))];
        }
        catch (PostgresException ex) when (ex.SqlState is StockLocks.ExpectationFailed or PostgresErrorCodes.UniqueViolation)
        {
            // A product unknown, unlisted, short or about to run low, or an order that has its reservation already: the
            // insert of a repeated order's reservation breaks its key. Nothing was written.
            await BatchTransaction.AbandonAsync(connection);
            return null;
        }
    }

    private async Task<IReadOnlyList<ReservationOutcome>> DecideAsync(NpgsqlConnection connection, IReadOnlyList<StockReservation> candidates, CancellationToken cancellationToken)
    {
        string[] orderIds = [.. candidates.Select(c => c.OrderId)];
        string[] productIds = [.. candidates.SelectMany(c => c.Lines).Select(l => l.ProductId).Distinct(StringComparer.Ordinal)];
        var state = await StockLocks.BeginAsync(connection, orderIds, productIds, cancellationToken);
        var earlier = state.KnownOrders.Count == 0
            ? []
            : await db.Reservations.AsNoTracking().Where(r => state.KnownOrders.Contains(r.OrderId)).ToDictionaryAsync(r => r.OrderId, StringComparer.Ordinal, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var group = new GroupWrites();
        var outcomes = candidates
            .Select(c => earlier.TryGetValue(c.OrderId, out var known) ? new ReservationOutcome(known, Repeat: true) : new ReservationOutcome(Decide(c, state.Stock, now, group), Repeat: false))
            .ToList();

        var outboxIds = await StockWrites.CommitAsync(connection, group.Reserved, [.. outcomes.Where(o => !o.Repeat).Select(o => o.Reservation)],
            group.Events.Count > 0 ? events.Publish(group.Events) : null, now, cancellationToken);
        events.Committed(outboxIds);
        return outcomes;
    }

    /// <summary>The event of a reservation made.</summary>
    internal static StockReserved StockReservedEvent(StockReservation reservation) =>
        new(reservation.OrderId, [.. reservation.Lines.Select(l => l.ProductId)], [.. reservation.Lines.Select(l => l.Quantity)], reservation.CreatedAt);

    private StockReservation Decide(StockReservation candidate, IReadOnlyDictionary<string, LockedStock> stock, DateTime now, GroupWrites group)
    {
        var problems = candidate.Lines.Select(line => stock.GetValueOrDefault(line.ProductId) switch
        {
            null => $"{line.ProductId}: no such product",
            { Status: not ProductStatus.Listed } s => $"{line.ProductId}: {s.Status.ToString().ToLowerInvariant()}, not listed",
            { Item.Available: var available } when available < line.Quantity => $"{line.ProductId}: {line.Quantity} requested, {available} available",
            _ => null,
        }).OfType<string>().ToList();

        if (problems.Count > 0)
        {
            var rejected = StockReservation.Rejected(candidate.OrderId, candidate.Lines, string.Join("; ", problems), now);
            CatalogLog.ReservationRejected(logger, rejected.OrderId, rejected.RejectionReason!);
            return rejected;
        }

        foreach (var line in candidate.Lines)
        {
            var (item, _, supplierId) = stock[line.ProductId];
            var wasLow = item.IsLow;
            item.Reserve(line.Quantity, now);
            group.Reserved[item.ProductId] = group.Reserved.GetValueOrDefault(item.ProductId) + line.Quantity;
            if (!wasLow && item.IsLow)
            {
                group.Events.Add(new StockLow(item.ProductId, supplierId, item.Available, item.LowStockThreshold, now));
            }
        }

        group.Events.Add(StockReservedEvent(candidate));
        return candidate;
    }

    /// <summary>Gives the units back; null when the order never reserved anything.</summary>
    public Task<StockReservation?> ReleaseAsync(OrderId order, CancellationToken cancellationToken) =>
        FinishAsync(order, ReservationStatus.Released, cancellationToken);

    /// <summary>Takes the units out of stock for good; null when the order never reserved anything.</summary>
    public Task<StockReservation?> CommitAsync(OrderId order, CancellationToken cancellationToken) =>
        FinishAsync(order, ReservationStatus.Committed, cancellationToken);

    /// <summary>
    /// Puts committed units back on hand, for an order that ended before its goods left the supplier; null when the
    /// order never reserved anything.
    /// </summary>
    public Task<StockReservation?> ReturnAsync(OrderId order, CancellationToken cancellationToken) =>
        FinishAsync(order, ReservationStatus.Returned, cancellationToken);

    private async Task<StockReservation?> FinishAsync(OrderId order, ReservationStatus target, CancellationToken cancellationToken)
    {
        var orderId = order.ToString();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await StockLocks.LockOrderAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), orderId, cancellationToken);
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
        Action<StockItem, int> move;
        switch (target)
        {
            case ReservationStatus.Released:
                reservation.Release(now);
                move = (item, quantity) => item.Release(quantity, now);
                outbox.Publish(new StockReleased(orderId, productIds, quantities, now));
                break;
            case ReservationStatus.Committed:
                reservation.Commit(now);
                move = (item, quantity) => item.Commit(quantity, now);
                outbox.Publish(new StockCommitted(orderId, productIds, quantities, now));
                break;
            default:
                reservation.Return(now);
                move = (item, quantity) => item.Return(quantity, now);
                outbox.Publish(new StockReturned(orderId, productIds, quantities, now));
                break;
        }

        foreach (var line in reservation.Lines)
        {
            move(stock[line.ProductId], line.Quantity);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return reservation;
    }

    private Task<List<StockItem>> LockStockAsync(string[] productIds, CancellationToken cancellationToken) =>
        db.StockItems
            .FromSql($"SELECT * FROM product_stock WHERE product_id = ANY({productIds}) ORDER BY product_id FOR UPDATE")
            .ToListAsync(cancellationToken);

    /// <summary>What a group's decisions change: the units it reserved per product and the events to publish.</summary>
    private sealed class GroupWrites
    {
        public Dictionary<string, int> Reserved { get; } = new(StringComparer.Ordinal);

        public List<object> Events { get; } = [];
    }
}
