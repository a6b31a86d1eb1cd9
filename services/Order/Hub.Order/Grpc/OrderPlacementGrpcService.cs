using Grpc.Core;
using Hub.Contracts.Values;
using Hub.Order.Application;
using Hub.Order.Endpoints;
using Hub.Order.V1;
using Hub.ServiceDefaults.Grpc;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;

namespace Hub.Order.Grpc;

/// <summary>
/// Placing and following orders over gRPC, for partner hubs: the same placement, timeline and buyer's changes as the
/// REST API, refusals as status codes.
/// </summary>
/// <remarks>
/// Only partner hubs call it (<see cref="HubPolicies.PartnerHub"/>), and only for buyers of this hub that gave the
/// partner a mandate (<see cref="Domain.PartnerMandate"/>): the buyer's hub owns the order, imports the goods and holds
/// the buyer's escrow. Each order names the partner on its timeline; the partner changes only the orders it placed,
/// while the mandate lasts, and sees those and the orders its own hub's suppliers sell here.
/// </remarks>
internal sealed class OrderPlacementGrpcService(OrderPlacementDesk placement, OrderDesk orders, ServiceIdentity identity) : OrderPlacement.OrderPlacementBase
{
    // The span of a protobuf Timestamp: 0001-01-01 to 9999-12-31 UTC.
    private const long MinTimestampSeconds = -62_135_596_800;
    private const long MaxTimestampSeconds = 253_402_300_799;

    public override async Task<PlaceOrderReply> PlaceOrder(PlaceOrderRequest request, ServerCallContext context)
    {
        var partner = PartnerOf(context);
        var cart = new CartRequest(request.Incoterm, request.NamedPlace, request.Mode,
            [.. request.Lines.Select(l => new CartLineRequest(l.ProductId, l.Quantity, l.SupplierCompany.Length == 0 ? null : l.SupplierCompany))]);
        var errors = CartPricer.Validate(cart);
        if (!CompanyId.TryParse(request.BuyerCompany, out var buyer))
        {
            errors["buyer_company"] = ["Expected a company id such as KR-C-000123."];
        }
        else if (buyer.Hub != identity.Hub)
        {
            errors["buyer_company"] = [$"The buyer must be a company of this hub ({identity.Hub}): the buyer's hub owns the order. Place at the buyer's own hub."];
        }

        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) || request.IdempotencyKey.Length > 200)
        {
            errors["idempotency_key"] = ["An idempotency key of 1 to 200 characters is required."];
        }

        if (errors.Count > 0)
        {
            throw ProtoFields.Invalid(errors);
        }

        if (!await orders.HoldsMandateAsync(buyer, partner.Hub, context.CancellationToken))
        {
            throw new RpcException(new Status(StatusCode.PermissionDenied,
                $"{buyer} has given partner hub {partner.Hub} no mandate to place orders for it (its users grant one: PUT /api/order/mandates/{partner.Hub})."));
        }

        var outcome = await placement.PlaceAsync(buyer, request.IdempotencyKey, cart, partner.Hub, context.CancellationToken);
        if (outcome.Errors is { } invalid)
        {
            throw ProtoFields.Invalid(invalid);
        }

        if (outcome.Purchase is not { } purchase)
        {
            var code = outcome.Kind switch
            {
                PlacementConflict.KeyReused => StatusCode.AlreadyExists,
                // The same call again gets the placement's answer.
                PlacementConflict.KeyInUse => StatusCode.Aborted,
                _ => StatusCode.FailedPrecondition,
            };
            throw new RpcException(new Status(code, outcome.Conflict ?? "The purchase cannot be placed."));
        }

        var reply = new PlaceOrderReply { PurchaseId = purchase.Id.ToString(), Replayed = outcome.Replayed };
        reply.Orders.AddRange(purchase.Orders.OrderBy(o => o.Id, StringComparer.Ordinal).Select(o => new PlacedOrder
        {
            OrderId = o.Id,
            Status = o.Status.ToString(),
            SupplierId = o.SupplierId,
            SupplierHub = o.SupplierHub,
            GoodsTotalMinor = o.GoodsTotalMinor,
            Currency = o.Currency,
            BuyerTotalMinor = o.BuyerTotalMinor,
            BuyerCurrency = o.BuyerCurrency,
        }));
        return reply;
    }

    public override async Task<OrderView> GetOrder(OrderRequest request, ServerCallContext context) =>
        await orders.FindAsync(Required(request.OrderId), PartnerOf(context), context.CancellationToken) is { } order
            ? View(order, withTimeline: true)
            : throw NotFound(request.OrderId);

    public override async Task<OrderList> ListOrders(ListOrdersRequest request, ServerCallContext context)
    {
        var errors = new Dictionary<string, string[]>();
        if (!OrderDesk.TryParseStatus(request.Status, out var status))
        {
            errors["status"] = [OrderDesk.StatusRule];
        }

        if (!RequestValues.TryPageSize(request.Limit == 0 ? null : request.Limit, OrderQuery.DefaultPageSize, OrderQuery.MaxPageSize, out var take))
        {
            errors["limit"] = [RequestValues.PageSizeRule(OrderQuery.MaxPageSize) + " 0 for the default."];
        }

        OrderMark? before = null;
        if (request.BeforePlacedAt is not null || request.BeforeOrderId.Length > 0)
        {
            if (request.BeforePlacedAt is not { Seconds: >= MinTimestampSeconds and <= MaxTimestampSeconds, Nanos: >= 0 and < 1_000_000_000 } placedAt || !OrderId.TryParse(request.BeforeOrderId, out _))
            {
                errors["before_order_id"] = ["Give both before_placed_at and before_order_id (the previous page's last order), or neither."];
            }
            else
            {
                before = new OrderMark(placedAt.ToDateTime(), request.BeforeOrderId);
            }
        }

        if (errors.Count > 0)
        {
            throw ProtoFields.Invalid(errors);
        }

        var query = new OrderQuery(SupplierCompany: request.SupplierCompany.Length == 0 ? null : request.SupplierCompany, Status: status,
            Limit: take, SupplierHub: request.OwnSuppliers ? PartnerOf(context).Hub : null, Before: before);
        var list = new OrderList();
        list.Orders.AddRange((await orders.ListAsync(PartnerOf(context), query, context.CancellationToken)).Select(o => View(o, withTimeline: false)));
        return list;
    }

    public override Task<OrderView> CancelOrder(OrderRequest request, ServerCallContext context) =>
        ChangeAsync(Required(request.OrderId), () => orders.CancelAsync(request.OrderId, PartnerOf(context), context.CancellationToken));

    public override Task<OrderView> ConfirmReceipt(OrderRequest request, ServerCallContext context) =>
        ChangeAsync(Required(request.OrderId), () => orders.ConfirmReceiptAsync(request.OrderId, PartnerOf(context), context.CancellationToken));

    public override Task<OrderView> DisputeOrder(DisputeOrderRequest request, ServerCallContext context) =>
        OrderDesk.DisputeReason(request.Reason) is { } reason
            ? ChangeAsync(Required(request.OrderId), () => orders.DisputeAsync(request.OrderId, PartnerOf(context), reason, context.CancellationToken))
            : throw ProtoFields.Invalid(new Dictionary<string, string[]> { ["reason"] = [OrderDesk.DisputeReasonRule] });

    private static Caller PartnerOf(ServerCallContext context) => Caller.From(context.GetHttpContext().User);

    private static async Task<OrderView> ChangeAsync(string orderId, Func<Task<OrderChange>> change)
    {
        OrderChange outcome;
        try
        {
            outcome = await change();
        }
        catch (RpcException ex)
        {
            // A service the change calls refused it or did not answer; the order is as it was.
            throw new RpcException(new Status(GrpcResilience.IsRefusal(ex.StatusCode) ? StatusCode.FailedPrecondition : StatusCode.Unavailable, ex.Status.Detail));
        }

        return outcome switch
        {
            { Order: { } order } => View(order, withTimeline: true),
            { Found: false } => throw NotFound(orderId),
            { Rule: { } rule } => throw new RpcException(new Status(StatusCode.FailedPrecondition, rule)),
            _ => throw new RpcException(new Status(StatusCode.Aborted, "The order changed meanwhile: read it again and retry.")),
        };
    }

    private static OrderView View(Domain.TradeOrder order, bool withTimeline)
    {
        var view = new OrderView
        {
            OrderId = order.Id,
            PurchaseId = order.PurchaseId.ToString(),
            Status = order.Status.ToString(),
            BuyerCompany = order.BuyerCompany,
            SupplierCompany = order.SupplierCompany,
            SupplierId = order.SupplierId,
            SupplierHub = order.SupplierHub,
            GoodsTotalMinor = order.GoodsTotalMinor,
            Currency = order.Currency,
            BuyerTotalMinor = order.BuyerTotalMinor,
            BuyerCurrency = order.BuyerCurrency,
            FailureReason = order.FailureReason ?? string.Empty,
            PlacedAt = Timestamps.Utc(order.PlacedAt),
            UpdatedAt = Timestamps.Utc(order.UpdatedAt),
            Incoterm = order.Incoterm,
            NamedPlace = order.NamedPlace,
            Mode = order.Mode,
            FxQuoteId = order.FxQuoteId,
            FxQuoteExpiresAt = Timestamps.Utc(order.FxQuoteExpiresAt),
            FreightMinor = order.FreightMinor,
            FreightCurrency = order.FreightCurrency,
            DutiesMinor = order.DutiesMinor,
            DutiesCurrency = order.DutiesCurrency,
            ConsignmentId = order.ConsignmentId ?? string.Empty,
            DueBy = order.DueBy is { } due ? Timestamps.Utc(due) : null,
        };
        view.Lines.AddRange(order.Lines.Select(l => new OrderLineView
        {
            ProductId = l.ProductId,
            Quantity = l.Quantity,
            UnitPriceMinor = l.UnitPriceMinor,
            Currency = l.Currency,
            PriceVersion = l.PriceVersion,
            LineTotalMinor = l.LineTotalMinor,
        }));
        if (withTimeline)
        {
            view.Timeline.AddRange(order.Timeline.OrderBy(t => t.Sequence).Select(t => new TimelineEntry
            {
                Sequence = t.Sequence,
                At = Timestamps.Utc(t.At),
                Hub = t.Hub,
                Step = t.Step,
                Cause = t.Cause,
                Detail = t.Detail ?? string.Empty,
            }));
        }

        return view;
    }

    // An id no hub could give is the caller's mistake, not an order that is missing.
    private static string Required(string orderId) =>
        WellFormedIds.Malformed(orderId, OrderId.Kind) is { } malformed
            ? throw ProtoFields.Invalid(new Dictionary<string, string[]> { ["order_id"] = [malformed] })
            : orderId;

    private static RpcException NotFound(string orderId) => new(new Status(StatusCode.NotFound, $"There is no order {orderId} you can see or change."));
}
