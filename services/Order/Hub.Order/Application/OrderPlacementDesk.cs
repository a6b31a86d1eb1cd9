using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
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

/// <summary>Places a priced cart: one purchase per buyer and Idempotency-Key, one order per supplier.</summary>
internal sealed class OrderPlacementDesk(
    OrderDbContext db,
    IOutbox outbox,
    CartPricer pricer,
    HubClients hubs,
    IOptions<OrderOptions> options,
    TimeProvider clock,
    ILogger<OrderPlacementDesk> logger)
{
    public async Task<PlacementOutcome> PlaceAsync(CompanyId buyer, string idempotencyKey, CartRequest cart, CancellationToken cancellationToken)
    {
        var hash = Hash(cart);
        if (await FindAsync(buyer, idempotencyKey, cancellationToken) is { } existing)
        {
            return Replay(existing, hash);
        }

        var quoted = await pricer.QuoteProductsAsync(cart, cancellationToken);
        if (quoted.Errors.Count > 0)
        {
            return PlacementOutcome.Invalid(quoted.Errors);
        }

        // One order per supplier, numbered first: its stock is reserved while the suppliers are priced, as neither
        // needs the other; what was reserved is given back if the pricing fails.
        var orderIds = new List<string>();
        foreach (var _ in quoted.Suppliers)
        {
            orderIds.Add(new OrderId(hubs.Self, await db.NextOrderNumberAsync(cancellationToken)).ToString());
        }

        var reservation = ReserveAsync(quoted, orderIds, cancellationToken);
        PricedSupplier[] priced;
        try
        {
            priced = await pricer.PriceSuppliersAsync(buyer, cart, quoted, cancellationToken);
        }
        catch
        {
            await ReleaseAsync(await ReservedOrNoneAsync(reservation));
            throw;
        }

        var (reserved, refusal) = await reservation;
        if (refusal is not null)
        {
            return PlacementOutcome.StockRefused(refusal);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var purchase = new Purchase(Guid.CreateVersion7(), buyer.ToString(), idempotencyKey, hash, now);
        var cause = $"purchase {purchase.Id}";
        foreach (var (supplier, orderId) in priced.Zip(orderIds))
        {
            var order = new TradeOrder(
                new OrderPlacement(orderId, purchase.Id, buyer.ToString(), hubs.Self.ToString(), supplier.SupplierCompany, supplier.SupplierId, supplier.SupplierHub,
                    cart.Incoterm!, cart.NamedPlace!.Trim(), hubs.Self.Country.ToString(), cart.Mode!, supplier.Currency, supplier.BuyerCurrency, supplier.BuyerTotalMinor,
                    supplier.FxQuoteId, supplier.FxQuoteExpiresAt, supplier.Freight.MinorUnits, supplier.Freight.Currency, supplier.Duties.MinorUnits, supplier.Duties.Currency),
                [.. supplier.Lines.Select(l => new OrderLine(l.ProductId, l.Quantity, l.UnitPriceMinor, l.Currency, l.PriceVersion))],
                now,
                cause);
            order.Expect(Due(OrderStatus.Placed, now));
            purchase.Add(order);
        }

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
            // A parallel request with the same key won: give our reservations back and answer with its purchase.
            await ReleaseAsync(reserved);
            db.ChangeTracker.Clear();
            var winner = await FindAsync(buyer, idempotencyKey, cancellationToken) ?? throw new InvalidOperationException("The purchase that won the key is gone.", ex);
            return Replay(winner, hash);
        }
        catch
        {
            await ReleaseAsync(reserved);
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
    /// Reserves each supplier's lines under its order id, one supplier after another. A refusal gives back what was
    /// reserved before it and says why; a failure gives back everything, the order in flight too, and throws.
    /// </summary>
    private async Task<(List<ReservedStock> Reserved, string? Refusal)> ReserveAsync(QuotedCart quoted, List<string> orderIds, CancellationToken cancellationToken)
    {
        var reserved = new List<ReservedStock>();
        foreach (var (supplier, orderId) in quoted.Suppliers.Zip(orderIds))
        {
            var stock = new ReservedStock(orderId, QuotedCart.HubOf(supplier));
            var request = new ReserveStockRequest { OrderId = orderId };
            request.Lines.AddRange(supplier.Select(l => new ReservationLine { ProductId = l.Quote.ProductId, Quantity = l.Line.Quantity }));
            ReservationReply reply;
            try
            {
                reply = await hubs.Catalog(stock.Hub).ReserveStockAsync(request, cancellationToken: cancellationToken);
            }
            catch
            {
                await ReleaseAsync([.. reserved, stock]);
                throw;
            }

            if (!reply.Reserved)
            {
                await ReleaseAsync(reserved);
                return ([], $"Order for supplier {supplier[0].Quote.SupplierId} could not reserve stock: {reply.RejectionReason}");
            }

            reserved.Add(stock);
        }

        return (reserved, null);
    }

    /// <summary>What a reservation still holds once it ends: nothing when it was refused or failed (it gave its stock back).</summary>
    private static async Task<List<ReservedStock>> ReservedOrNoneAsync(Task<(List<ReservedStock> Reserved, string? Refusal)> reservation)
    {
        try
        {
            return (await reservation).Reserved;
        }
        catch
        {
            return [];
        }
    }

    private async Task ReleaseAsync(IEnumerable<ReservedStock> reservations)
    {
        foreach (var stock in reservations)
        {
            try
            {
                await hubs.Catalog(stock.Hub).ReleaseStockAsync(new OrderStockRequest { OrderId = stock.OrderId }, cancellationToken: CancellationToken.None);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                // Never reserved: nothing to give back.
            }
            catch (RpcException ex)
            {
                OrderLog.ReleaseFailed(logger, ex, stock.OrderId);
            }
        }
    }

    /// <summary>An order's stock held at its supplier's hub.</summary>
    private sealed record ReservedStock(string OrderId, HubId Hub);

    internal static string Hash(CartRequest cart) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(cart))));
}

/// <summary>How a placement ended.</summary>
internal sealed record PlacementOutcome(Purchase? Purchase, bool Replayed, Dictionary<string, string[]>? Errors, string? Conflict)
{
    public static PlacementOutcome Placed(Purchase purchase, bool replayed) => new(purchase, replayed, null, null);

    public static PlacementOutcome Invalid(Dictionary<string, string[]> errors) => new(null, false, errors, null);

    public static PlacementOutcome StockRefused(string reason) => new(null, false, null, reason);

    public static PlacementOutcome KeyReused() => new(null, false, null, "This Idempotency-Key was used for another cart.");
}
