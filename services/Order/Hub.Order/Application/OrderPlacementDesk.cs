using Grpc.Core;
using Hub.Catalog.V1;
using Hub.Contracts.Order;
using Hub.Contracts.Values;
using Hub.Order.Data;
using Hub.Order.Domain;
using Hub.Order.Endpoints;
using Hub.ServiceDefaults.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Hub.Order.Application;

/// <summary>
/// Places a cart: one purchase per buyer and Idempotency-Key, one order per supplier. A cart that names its checkout is
/// placed as that checkout priced it; any other is priced again.
/// </summary>
internal sealed class OrderPlacementDesk(
    OrderDbContext db,
    IOutbox outbox,
    CartPricer pricer,
    CheckoutBook checkouts,
    HubClients hubs,
    ThisInstance self,
    IOptions<OrderOptions> options,
    TimeProvider clock,
    ILogger<OrderPlacementDesk> logger)
{
    /// <summary>Places <paramref name="cart"/> for <paramref name="buyer"/>, a company of this hub.</summary>
    /// <param name="buyer">The buying company.</param>
    /// <param name="idempotencyKey">One purchase per buyer and key.</param>
    /// <param name="cart">The cart, validated by <see cref="CartPricer.Validate"/>.</param>
    /// <param name="partner">The partner hub placing for the buyer, named on each order's timeline; null for the buyer itself.</param>
    /// <param name="cancellationToken">Stops the placement; what it reserved is given back.</param>
    public async Task<PlacementOutcome> PlaceAsync(CompanyId buyer, string idempotencyKey, CartRequest cart, HubId? partner, CancellationToken cancellationToken)
    {
        var hash = CheckoutBook.RequestHash(cart);
        var settings = options.Value;
        var giveUpAt = clock.GetUtcNow() + settings.PlacementKeyWait;
        KeyClaim claim;
        while (true)
        {
            if (await TryClaimKeyAsync(buyer, idempotencyKey, cancellationToken) is { } claimed)
            {
                claim = claimed;
                break;
            }

            // Another placement under this key is under way: its answer is this one's, once it has one.
            if (await FindAsync(buyer, idempotencyKey, cancellationToken) is { } finished)
            {
                return Replay(finished, hash);
            }

            if (clock.GetUtcNow() >= giveUpAt)
            {
                return PlacementOutcome.KeyInUse();
            }

            await Task.Delay(settings.PlacementKeyPoll, clock, cancellationToken);
        }

        var placed = false;
        try
        {
            // A purchase saved under the key before (a retry of a placement that finished) is answered as it was. Read
            // after the claim, not with it: the placement that held the key may have saved its purchase while the
            // claim statement waited for its key row, after that statement's snapshot was taken.
            if (await FindAsync(buyer, idempotencyKey, cancellationToken) is { } existing)
            {
                return Replay(existing, hash);
            }

            var outcome = await PlaceClaimedAsync(buyer, idempotencyKey, hash, cart, partner, claim, cancellationToken);
            placed = outcome is { Purchase: not null, Replayed: false };
            return outcome;
        }
        finally
        {
            if (!placed)
            {
                await ReleaseKeyAsync(buyer, idempotencyKey, claim.At);
            }
        }
    }

    /// <summary>
    /// Claims the buyer's key for this placement, taking over a claim older than <c>Order:PlacementKeyGrace</c>, or one
    /// whose process has been silent for <c>Order:InstanceSilence</c> (its process stopped), and gives back the stock
    /// earlier placements under the key asked for and left; the claim (its time, and the buyer's profile as it stands,
    /// for the orders), or null while another placement holds the key.
    /// </summary>
    private async Task<KeyClaim?> TryClaimKeyAsync(CompanyId buyer, string idempotencyKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var abandoned = now - options.Value.PlacementKeyGrace;
        var silentSince = now - options.Value.InstanceSilence;
        var company = buyer.ToString();
        // A new claim, or one taken over; none while the claim stands. A claim without a holder, or whose holder has
        // not noted that it runs yet, waits out the grace. xmax is zero on a row the statement inserted, set on one it
        // updated: a claim taken over. The same round trip reads the stock still noted as asked under the key (rows
        // that a placement finishing meanwhile removes are found gone when given back, each locked and read again)
        // and the buyer's profile.
        var claims = await db.Database.SqlQuery<ClaimRow>(
            $"""
            WITH claim AS (
                INSERT INTO placement_keys (buyer_company, idempotency_key, claimed_at, holder) VALUES ({company}, {idempotencyKey}, {now}, {self.Id})
                ON CONFLICT (buyer_company, idempotency_key) DO UPDATE SET claimed_at = EXCLUDED.claimed_at, holder = EXCLUDED.holder
                WHERE placement_keys.claimed_at < {abandoned}
                   OR EXISTS (SELECT 1 FROM placement_instances i WHERE i.id = placement_keys.holder AND i.seen_at < {silentSince})
                RETURNING xmax <> 0 AS taken_over)
            SELECT claim.taken_over AS "TakenOver",
                   ARRAY(SELECT r.order_id FROM pending_reservations r WHERE r.buyer_company = {company} AND r.idempotency_key = {idempotencyKey}) AS "Left",
                   b.legal_name AS "LegalName", b.address AS "Address"
            FROM claim LEFT JOIN buyer_profiles b ON b.company = {company}
            """).ToListAsync(cancellationToken);
        if (claims is not [var row])
        {
            return null;
        }

        if (row.TakenOver)
        {
            OrderLog.PlacementKeyTakenOver(logger, company, idempotencyKey);
        }

        // Stock still noted as asked under the key belongs to no placement under way now that this one holds the key:
        // the one whose claim it took over, or an earlier attempt that gave up without its release going through (the
        // catalog did not answer). A buyer's repeat gives it back before asking again, rather than finding its own
        // earlier attempt holding the stock until the sweeper's grace has passed.
        await ReleasePendingAsync(row.Left, cancellationToken);
        return new KeyClaim(now, row.LegalName, row.Address);
    }

    /// <summary>
    /// What the claim statement reads: whether it took a claim over, the pending reservations under the key, and the
    /// buyer's profile (null when the company has none).
    /// </summary>
    private sealed record ClaimRow(bool TakenOver, string[] Left, string? LegalName, string? Address);

    /// <summary>A key claimed at <paramref name="At"/>, with the buyer's profile as the claim read it.</summary>
    private sealed record KeyClaim(DateTime At, string? BuyerLegalName, string? BuyerAddress);

    /// <summary>Gives the key back after a placement that saved nothing; one left behind is taken over when abandoned.</summary>
    private async Task ReleaseKeyAsync(CompanyId buyer, string idempotencyKey, DateTime claimedAt)
    {
        var company = buyer.ToString();
        try
        {
            await db.PlacementKeys.Where(k => k.BuyerCompany == company && k.IdempotencyKey == idempotencyKey && k.ClaimedAt == claimedAt)
                .ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (NpgsqlException ex)
        {
            OrderLog.PlacementKeyNotReleased(logger, ex, company, idempotencyKey);
        }
    }

    private async Task<PlacementOutcome> PlaceClaimedAsync(
        CompanyId buyer, string idempotencyKey, string hash, CartRequest cart, HubId? partner, KeyClaim claim, CancellationToken cancellationToken)
    {
        IReadOnlyList<PricedSupplier> suppliers;
        if (cart.CheckoutId is not null)
        {
            var accepted = await checkouts.AcceptAsync(buyer, cart, cancellationToken);
            if (accepted.Suppliers is null)
            {
                return accepted.Errors is { } refused ? PlacementOutcome.Invalid(refused) : PlacementOutcome.Refused(accepted.Conflict!);
            }

            suppliers = accepted.Suppliers;
        }
        else
        {
            var pricing = await pricer.PriceAsync(buyer, cart, cancellationToken);
            if (pricing.Errors.Count > 0)
            {
                return PlacementOutcome.Invalid(pricing.Errors);
            }

            suppliers = pricing.Suppliers;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var purchase = new Purchase(Guid.CreateVersion7(), buyer.ToString(), idempotencyKey, hash, now, cart.CheckoutId);
        var cause = partner is { } placedBy ? $"purchase {purchase.Id} placed by partner hub {placedBy}" : $"purchase {purchase.Id}";
        foreach (var supplier in suppliers)
        {
            var orderId = new OrderId(hubs.Self, await db.NextOrderNumberAsync(cancellationToken)).ToString();
            var order = new TradeOrder(
                new OrderPlacement(orderId, purchase.Id, buyer.ToString(), hubs.Self.ToString(), supplier.SupplierCompany, supplier.SupplierId, supplier.SupplierHub,
                    cart.Incoterm!, cart.NamedPlace!.Trim(), hubs.Self.Country.ToString(), cart.Mode!, supplier.Currency, supplier.BuyerCurrency, supplier.BuyerTotalMinor,
                    supplier.FxQuoteId, supplier.FxQuoteExpiresAt, supplier.Freight.MinorUnits, supplier.Freight.Currency, supplier.Duties.MinorUnits, supplier.Duties.Currency,
                    partner?.ToString(), supplier.SupplierName, claim.BuyerLegalName, claim.BuyerAddress),
                [.. supplier.Lines.Select(l => new OrderLine(l.ProductId, l.Quantity, l.UnitPriceMinor, l.Currency, l.PriceVersion))],
                now,
                cause);
            order.Expect(Due(OrderStatus.Placed, now));
            purchase.Add(order);
        }

        // Written before any stock is asked for: if this process stops before the purchase is saved, or a release
        // below does not go through, the sweeper finds what the placement may hold and gives it back.
        var pending = purchase.Orders.Select(o => new PendingReservation(o.Id, o.SupplierHub, now, buyer.ToString(), idempotencyKey, self.Id)).ToList();
        db.PendingReservations.AddRange(pending);
        await db.SaveChangesAsync(cancellationToken);

        var asked = new List<TradeOrder>();
        foreach (var order in purchase.Orders)
        {
            var request = new ReserveStockRequest { OrderId = order.Id };
            request.Lines.AddRange(order.Lines.Select(l => new ReservationLine { ProductId = l.ProductId, Quantity = l.Quantity }));
            asked.Add(order);
            ReservationReply reply;
            try
            {
                reply = await hubs.Catalog(HubId.Parse(order.SupplierHub)).ReserveStockAsync(request, cancellationToken: cancellationToken);
            }
            catch
            {
                // The reservation may have been made even though its answer was lost.
                await AbandonAsync(purchase, asked);
                throw;
            }

            if (!reply.Reserved)
            {
                asked.Remove(order);
                await AbandonAsync(purchase, asked);
                return PlacementOutcome.Refused($"Order for supplier {order.SupplierId} could not reserve stock: {reply.RejectionReason}");
            }
        }

        // Saved with the orders: a reservation the sweeper gave back meanwhile fails this save instead. The key's claim
        // goes in the same transaction, so a placement waiting on it finds the purchase as soon as the key is free.
        db.PendingReservations.RemoveRange(pending);
        db.PlacementKeys.Remove(db.PlacementKeys.Attach(new PlacementKey(buyer.ToString(), idempotencyKey, now)).Entity);
        db.Purchases.Add(purchase);
        foreach (var order in purchase.Orders)
        {
            outbox.Publish(new OrderPlaced(order.Id, purchase.Id, order.BuyerCompany, order.BuyerHub, order.SupplierCompany, order.SupplierId, order.SupplierHub,
                order.Incoterm, order.NamedPlace, order.GoodsTotalMinor, order.Currency, order.BuyerTotalMinor, order.BuyerCurrency, order.FxQuoteId, order.PlacedAt));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A parallel request won the key (answer with its purchase) or the checkout (refuse): give our reservations back.
            await AbandonAsync(purchase, asked);
            db.ChangeTracker.Clear();
            if (await FindAsync(buyer, idempotencyKey, cancellationToken) is { } winner)
            {
                return Replay(winner, hash);
            }

            return cart.CheckoutId is { } checkout
                ? PlacementOutcome.Refused($"Checkout {checkout} was placed already, by a placement under another Idempotency-Key.")
                : throw new InvalidOperationException("The purchase that won the key is gone.", ex);
        }
        catch (DbUpdateException ex) when (ex is DbUpdateConcurrencyException || ex.InnerException is PostgresException)
        {
            // The database refused the purchase (or the sweeper gave a reservation of it back meanwhile), so nothing of
            // it was saved. Any other failure (a connection lost
            // around the commit) may have come after the purchase was saved: its reservations stay noted as pending,
            // and the sweeper gives them back only if no order was saved.
            await AbandonAsync(purchase, asked);
            throw;
        }

        OrderLog.PurchasePlaced(logger, purchase.Id, purchase.BuyerCompany, purchase.Orders.Count);
        return PlacementOutcome.Placed(purchase, replayed: false);
    }

    private DateTime? Due(OrderStatus status, DateTime now) => options.Value.TimeoutFor(status) is { } timeout ? now + timeout : null;

    private Task<Purchase?> FindAsync(CompanyId buyer, string key, CancellationToken cancellationToken) =>
        db.Purchases.Include(p => p.Orders).AsSplitQuery()
            .SingleOrDefaultAsync(p => p.BuyerCompany == buyer.ToString() && p.IdempotencyKey == key, cancellationToken);

    private static PlacementOutcome Replay(Purchase existing, string hash) =>
        existing.RequestHash == hash ? PlacementOutcome.Placed(existing, replayed: true) : PlacementOutcome.KeyReused();

    /// <summary>
    /// Gives back the sweeper's share of work: the reservations of placements that never saved their order and asked
    /// for stock before <paramref name="askedBefore"/>, or whose process has not been seen since
    /// <paramref name="silentSince"/>. Returns how many it released.
    /// </summary>
    public async Task<int> ReleaseAbandonedAsync(DateTime askedBefore, DateTime silentSince, int batch, CancellationToken cancellationToken)
    {
        var ids = await db.PendingReservations.AsNoTracking()
            .Where(r => r.AskedAt <= askedBefore || db.PlacementInstances.Any(i => i.Id == r.Holder && i.SeenAt < silentSince))
            .OrderBy(r => r.AskedAt).Select(r => r.OrderId).Take(batch).ToListAsync(cancellationToken);
        return await ReleasePendingAsync(ids, cancellationToken);
    }

    // Gives back the stock of each pending reservation whose order was not saved, and forgets them all; one whose
    // release does not go through stays for the sweeper.
    private async Task<int> ReleasePendingAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var released = 0;
        foreach (var id in ids)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Locked: a placement saving its order meanwhile waits, then finds its pending reservation gone and gives up.
            var row = await db.PendingReservations.FromSql($"SELECT * FROM pending_reservations WHERE order_id = {id} FOR UPDATE")
                .AsNoTracking().SingleOrDefaultAsync(cancellationToken);
            if (row is null)
            {
                continue;
            }

            var saved = await db.Orders.AnyAsync(o => o.Id == id, cancellationToken);
            if (!saved)
            {
                if (!await TryReleaseAsync(row.OrderId, row.SupplierHub))
                {
                    continue;
                }

                OrderLog.AbandonedReservationReleased(logger, id, row.SupplierHub, row.AskedAt);
                released++;
            }

            await db.PendingReservations.Where(r => r.OrderId == id).ExecuteDeleteAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return released;
    }

    /// <summary>
    /// A placement that will not save its purchase gives back the stock it asked for, and forgets the pending
    /// reservations of the purchase except those whose release did not go through, left for the sweeper.
    /// </summary>
    private async Task AbandonAsync(Purchase purchase, IReadOnlyCollection<TradeOrder> asked)
    {
        var held = new List<string>();
        foreach (var order in asked)
        {
            if (!await TryReleaseAsync(order.Id, order.SupplierHub))
            {
                held.Add(order.Id);
            }
        }

        var forgotten = purchase.Orders.Select(o => o.Id).Except(held).ToList();
        try
        {
            await db.PendingReservations.Where(r => forgotten.Contains(r.OrderId)).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (NpgsqlException ex)
        {
            // Kept, they are released again by the sweeper, which a released reservation answers as it is.
            OrderLog.ForgetPendingFailed(logger, ex, string.Join(", ", forgotten));
        }
    }

    /// <summary>Releases an order's reservation at the supplier's catalog; false if the catalog did not answer.</summary>
    private async Task<bool> TryReleaseAsync(string orderId, string supplierHub)
    {
        try
        {
            await hubs.Catalog(HubId.Parse(supplierHub)).ReleaseStockAsync(new OrderStockRequest { OrderId = orderId }, cancellationToken: CancellationToken.None);
            return true;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            // Never reserved: nothing to give back.
            return true;
        }
        catch (RpcException ex)
        {
            OrderLog.ReleaseFailed(logger, ex, orderId);
            return false;
        }
    }
}

/// <summary>How a placement ended.</summary>
internal sealed record PlacementOutcome(Purchase? Purchase, bool Replayed, Dictionary<string, string[]>? Errors, string? Conflict)
{
    public static PlacementOutcome Placed(Purchase purchase, bool replayed) => new(purchase, replayed, null, null);

    public static PlacementOutcome Invalid(Dictionary<string, string[]> errors) => new(null, false, errors, null);

    /// <summary>Refused for the state of things (stock, a checkout placed already), not for the request's shape.</summary>
    public static PlacementOutcome Refused(string reason) => new(null, false, null, reason);

    public static PlacementOutcome KeyReused() => new(null, false, null, "This Idempotency-Key was used for another cart.") { Kind = PlacementConflict.KeyReused };

    /// <summary>Another placement under the key was still under way when this one stopped waiting for it.</summary>
    public static PlacementOutcome KeyInUse() =>
        new(null, false, null, "A placement under this Idempotency-Key is still under way; send the same request again shortly to get its answer.")
        {
            Kind = PlacementConflict.KeyInUse,
        };

    /// <summary>Which kind of conflict refused the placement; <see cref="PlacementConflict.Refused"/> for the state of things.</summary>
    public PlacementConflict Kind { get; init; } = PlacementConflict.Refused;
}

/// <summary>Why a placement that was not invalid was refused.</summary>
internal enum PlacementConflict
{
    /// <summary>The state of things: stock, a checkout placed already.</summary>
    Refused,

    /// <summary>The Idempotency-Key was used for another cart.</summary>
    KeyReused,

    /// <summary>Another placement under the key is still under way: the same request, sent again, gets its answer.</summary>
    KeyInUse,
}
