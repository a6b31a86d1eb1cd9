using Hub.Contracts.Values;
using Hub.Order.Data;
using Hub.Order.Domain;
using Hub.ServiceDefaults.Data;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.EntityFrameworkCore;

namespace Hub.Order.Application;

/// <summary>
/// Which orders a caller sees, and the buyer's changes to one (receipt, cancel, dispute), for the REST API of SMEs
/// and the gRPC API of partner hubs alike. An SME sees the orders its company buys or supplies and changes those it
/// buys; a partner hub changes the orders it placed for its buyers while their mandate lasts, and sees those and the
/// orders its own suppliers sell here; an operator sees all and changes none.
/// </summary>
internal sealed class OrderDesk(OrderDbContext db, OrderProcess process)
{
    private const int MaxDisputeReasonLength = 1_000;

    /// <summary>What a dispute's reason must be.</summary>
    public static readonly string DisputeReasonRule = $"A dispute needs a reason of 1 to {MaxDisputeReasonLength:N0} characters.";

    /// <summary>The reason trimmed, or null if it breaks <see cref="DisputeReasonRule"/>.</summary>
    public static string? DisputeReason(string? reason) =>
        reason?.Trim() is { Length: > 0 and <= MaxDisputeReasonLength } trimmed ? trimmed : null;

    /// <summary>The orders the caller may see.</summary>
    public static IQueryable<TradeOrder> VisibleTo(IQueryable<TradeOrder> orders, Caller caller)
    {
        if (caller.IsOperator)
        {
            return orders;
        }

        if (caller.IsPartnerHub)
        {
            // The orders it placed, and those its own suppliers sell here (its hub runs their export anyway).
            var partner = caller.Hub.ToString();
            return orders.Where(o => o.PartnerHub == partner || o.SupplierHub == partner);
        }

        var company = caller.Company?.ToString() ?? string.Empty;
        return orders.Where(o => o.BuyerCompany == company || o.SupplierCompany == company);
    }

    /// <summary>What a list's state filter must be.</summary>
    public static readonly string StatusRule = $"Expected one of the order states: {string.Join(", ", Enum.GetNames<OrderStatus>())}.";

    /// <summary>The state a list is filtered by: null for none, false for a name that is no state.</summary>
    public static bool TryParseStatus(string? name, out OrderStatus? status)
    {
        status = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return true;
        }

        if (!RequestValues.TryParseName<OrderStatus>(name, out var parsed))
        {
            return false;
        }

        status = parsed;
        return true;
    }

    /// <summary>The orders the caller may see, newest first, with their lines (not their timelines).</summary>
    public async Task<List<TradeOrder>> ListAsync(Caller caller, OrderQuery query, CancellationToken cancellationToken)
    {
        var orders = VisibleTo(db.Orders.AsNoTracking(), caller);
        if (query.Purchase is { } purchase)
        {
            orders = orders.Where(o => o.PurchaseId == purchase);
        }

        if (query.SupplierCompany is { } supplier)
        {
            orders = orders.Where(o => o.SupplierCompany == supplier);
        }

        if (query.SupplierHub?.ToString() is { } supplierHub)
        {
            orders = orders.Where(o => o.SupplierHub == supplierHub);
        }

        if (query.Status is { } status)
        {
            orders = orders.Where(o => o.Status == status);
        }

        if (query.Before is { } mark)
        {
            orders = orders.Where(o => EF.Functions.LessThan(ValueTuple.Create(o.PlacedAt, o.Id), ValueTuple.Create(mark.PlacedAt, mark.OrderId)));
        }

        return await orders.Include(o => o.Lines).OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id)
            .Take(query.Limit).AsSplitQuery().ToListAsync(cancellationToken);
    }

    /// <summary>Where the list stands at order <paramref name="id"/>, to page on from it; null if the caller does not see that order.</summary>
    public Task<OrderMark?> MarkAsync(string id, Caller caller, CancellationToken cancellationToken) =>
        VisibleTo(db.Orders.AsNoTracking(), caller).Where(o => o.Id == id).Select(o => new OrderMark(o.PlacedAt, o.Id)).SingleOrDefaultAsync(cancellationToken);

    /// <summary>The order with its lines and timeline, if the caller may see it.</summary>
    public Task<TradeOrder?> FindAsync(string id, Caller caller, CancellationToken cancellationToken) =>
        VisibleTo(db.Orders.AsNoTracking(), caller).Include(o => o.Lines).Include(o => o.Timeline).AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    /// <summary>
    /// The order's status and the steps of its timeline after <paramref name="after"/>, in order, if the caller may see
    /// the order.
    /// </summary>
    public async Task<TimelineSince?> TimelineSinceAsync(string id, Caller caller, int after, CancellationToken cancellationToken) =>
        await VisibleTo(db.Orders.AsNoTracking(), caller).Where(o => o.Id == id)
            .Select(o => new TimelineSince(o.Status, o.Timeline.Where(t => t.Sequence > after).OrderBy(t => t.Sequence).ToList()))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The buyer confirms receipt of a delivered order, which releases the escrow.</summary>
    public Task<OrderChange> ConfirmReceiptAsync(string id, Caller caller, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, order => process.ConfirmReceiptAsync(order, automatic: false, $"receipt confirmed by {caller.Subject}", cancellationToken), cancellationToken);

    /// <summary>The buyer cancels an order before its export clearance.</summary>
    public Task<OrderChange> CancelAsync(string id, Caller caller, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, order => process.CancelAsync(order, caller.Subject, $"cancelled by {caller.Subject}", cancellationToken), cancellationToken);

    /// <summary>The buyer disputes a delivered order; the escrow stays frozen until an operator decides.</summary>
    /// <param name="id">The order.</param>
    /// <param name="caller">The buyer, or the partner hub that placed the order.</param>
    /// <param name="reason">A reason checked by <see cref="DisputeReason"/>.</param>
    /// <param name="cancellationToken">Stops the request.</param>
    public Task<OrderChange> DisputeAsync(string id, Caller caller, string reason, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, order => process.DisputeAsync(order, reason, $"disputed by {caller.Subject}", cancellationToken), cancellationToken);

    /// <summary>
    /// Makes the caller's change to an order under the order's row lock: every writer of an order (its events, the
    /// sweeper, these requests) takes that lock first, so the change is made on the order as the previous writer left
    /// it. The row version still guards it. A refusal of the domain or of a service the change calls changes nothing;
    /// the latter propagates as its <c>RpcException</c>.
    /// </summary>
    private async Task<OrderChange> ChangeAsync(string id, Caller caller, Func<TradeOrder, Task> change, CancellationToken cancellationToken)
    {
        OrderTracing.Tag(id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockOrderAsync(id, cancellationToken);
        var order = await ChangeableBy(db.Orders, caller).Include(o => o.Lines).Include(o => o.Timeline).AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (order is null)
        {
            return OrderChange.NotFound;
        }

        try
        {
            await change(order);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return OrderChange.Made(order);
        }
        catch (OrderRuleException ex)
        {
            return OrderChange.Refused(ex.Message);
        }
        catch (DbUpdateException ex) when (!DatabaseOutage.Is(ex))
        {
            // Another writer's change (the row version), not the database lost: a save that loses its connection
            // reaches here wrapped by the provider's execution strategy (not a DbUpdateException), and the filter keeps
            // out any outage the strategy does not wrap; both are answered 503.
            return OrderChange.Refused(null);
        }
    }

    /// <summary>True if <paramref name="buyer"/> lets <paramref name="partner"/> place orders for it and act on them.</summary>
    public Task<bool> HoldsMandateAsync(CompanyId buyer, HubId partner, CancellationToken cancellationToken)
    {
        var (company, hub) = (buyer.ToString(), partner.ToString());
        return db.PartnerMandates.AnyAsync(m => m.Company == company && m.PartnerHub == hub, cancellationToken);
    }

    private IQueryable<TradeOrder> ChangeableBy(IQueryable<TradeOrder> orders, Caller caller)
    {
        if (caller.IsPartnerHub)
        {
            // The orders it placed, while their buyer's mandate lasts.
            var partner = caller.Hub.ToString();
            return orders.Where(o => o.PartnerHub == partner && db.PartnerMandates.Any(m => m.Company == o.BuyerCompany && m.PartnerHub == partner));
        }

        var buyer = caller.Company?.ToString();
        return buyer is null ? orders.Where(o => false) : orders.Where(o => o.BuyerCompany == buyer);
    }
}

/// <summary>
/// A page of the orders a caller sees, newest first: each filter optional, at most <c>Limit</c> orders (checked by
/// the caller against <see cref="OrderQuery.MaxPageSize"/>), those placed before <c>Before</c> when it is given.
/// </summary>
internal sealed record OrderQuery(
    Guid? Purchase = null, string? SupplierCompany = null, OrderStatus? Status = null, int Limit = OrderQuery.DefaultPageSize, HubId? SupplierHub = null,
    OrderMark? Before = null)
{
    /// <summary>Orders in a page when the request names no limit.</summary>
    public const int DefaultPageSize = 50;

    /// <summary>The most orders a page holds.</summary>
    public const int MaxPageSize = 200;
}

/// <summary>
/// Where a page of orders ended: its last order's placement time and id, the keys the lists run on (newest first). The
/// next page holds the orders before it, at this hub and at its partners alike.
/// </summary>
internal sealed record OrderMark(DateTime PlacedAt, string OrderId)
{
    /// <summary>The mark as a list's opaque <c>nextCursor</c>.</summary>
    public string Encode() => PageCursor.Encode(this);

    /// <summary>No mark (the first page) for a missing cursor; false for anything that is not a cursor of an order list.</summary>
    public static bool TryDecode(string? cursor, out OrderMark? mark) =>
        PageCursor.TryDecode(cursor, m => m.PlacedAt.Kind == DateTimeKind.Utc && Hub.Contracts.Values.OrderId.TryParse(m.OrderId, out _), out mark);
}

/// <summary>How a change to an order ended: made (with the order), not found for the caller, or refused.</summary>
/// <param name="Order">The changed order, when it was made.</param>
/// <param name="Found">False when the caller has no such order to change.</param>
/// <param name="Rule">Why the order refused the change; null with no order found, or when another writer changed it meanwhile.</param>
internal sealed record OrderChange(TradeOrder? Order, bool Found, string? Rule)
{
    public static readonly OrderChange NotFound = new(null, false, null);

    public static OrderChange Made(TradeOrder order) => new(order, true, null);

    /// <summary>The order's rules refused it (<paramref name="rule"/>), or another writer changed the order meanwhile (null).</summary>
    public static OrderChange Refused(string? rule) => new(null, true, rule);
}

/// <summary>An order's status and the steps of its timeline after the one a reader last saw.</summary>
internal sealed record TimelineSince(OrderStatus Status, IReadOnlyList<TimelineEntry> Steps);
