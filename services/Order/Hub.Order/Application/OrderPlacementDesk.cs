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
    IOptions<OrderOptions> options,
    TimeProvider clock,
    ILogger<OrderPlacementDesk> logger)
{
    public async Task<PlacementOutcome> PlaceAsync(CompanyId buyer, string idempotencyKey, CartRequest cart, CancellationToken cancellationToken)
    {
        var hash = CheckoutBook.RequestHash(cart);
        if (await FindAsync(buyer, idempotencyKey, cancellationToken) is { } existing)
        {
            return Replay(existing, hash);
        }

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
        var cause = $"purchase {purchase.Id}";
        foreach (var supplier in suppliers)
        {
            var orderId = new OrderId(hubs.Self, await db.NextOrderNumberAsync(cancellationToken)).ToString();
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

        var reserved = new List<TradeOrder>();
        foreach (var order in purchase.Orders)
        {
            var request = new ReserveStockRequest { OrderId = order.Id };
            request.Lines.AddRange(order.Lines.Select(l => new ReservationLine { ProductId = l.ProductId, Quantity = l.Quantity }));
            ReservationReply reply;
            try
            {
                reply = await hubs.Catalog(HubId.Parse(order.SupplierHub)).ReserveStockAsync(request, cancellationToken: cancellationToken);
            }
            catch
            {
                await ReleaseAsync([.. reserved, order]);
                throw;
            }

            if (!reply.Reserved)
            {
                await ReleaseAsync(reserved);
                return PlacementOutcome.Refused($"Order for supplier {order.SupplierId} could not reserve stock: {reply.RejectionReason}");
            }

            reserved.Add(order);
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
            // A parallel request won the key (answer with its purchase) or the checkout (refuse): give our reservations back.
            await ReleaseAsync(reserved);
            db.ChangeTracker.Clear();
            if (await FindAsync(buyer, idempotencyKey, cancellationToken) is { } winner)
            {
                return Replay(winner, hash);
            }

            return cart.CheckoutId is { } checkout
                ? PlacementOutcome.Refused($"Checkout {checkout} was placed already, by a placement under another Idempotency-Key.")
                : throw new InvalidOperationException("The purchase that won the key is gone.", ex);
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

    private async Task ReleaseAsync(IEnumerable<TradeOrder> orders)
    {
        foreach (var order in orders)
        {
            try
            {
                await hubs.Catalog(HubId.Parse(order.SupplierHub)).ReleaseStockAsync(new OrderStockRequest { OrderId = order.Id }, cancellationToken: CancellationToken.None);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                // Never reserved: nothing to give back.
            }
            catch (RpcException ex)
            {
                OrderLog.ReleaseFailed(logger, ex, order.Id);
            }
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

    public static PlacementOutcome KeyReused() => new(null, false, null, "This Idempotency-Key was used for another cart.");
}
