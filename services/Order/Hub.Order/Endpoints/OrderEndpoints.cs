using System.Globalization;
using Grpc.Core;
using Hub.Order.Application;
using Hub.Order.Domain;
using Hub.Contracts.Values;
using Hub.Order.V1;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;
using Hub.ServiceDefaults.Validation;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Hub.Order.Endpoints;

/// <summary>Placing, following, confirming, cancelling and disputing orders. An SME sees only orders its company buys or supplies.</summary>
internal static class OrderEndpoints
{
    private const int MaxKeyLength = 200;

    public static void MapOrdersEndpoints(this IEndpointRouteBuilder routes)
    {
        var orders = routes.MapGroup("/api/order/orders").WithTags("Orders").RequireWellFormedId("id", OrderId.Kind);
        orders.MapPost("/", Place).WithName("PlaceOrder").RequireAuthorization(HubPolicies.Sme);
        orders.MapGet("/", List).WithName("ListOrders").RequireAuthorization(HubPolicies.SmeOrOperator);
        orders.MapGet("/{id}", Get).WithName("GetOrder").RequireAuthorization(HubPolicies.SmeOrOperator);
        orders.MapGet("/{id}/timeline/stream", TimelineStream.FollowAsync).WithName("FollowOrderTimeline").RequireAuthorization(HubPolicies.SmeOrOperator);
        routes.MapGet("/api/order/sales", Sales).WithTags("Orders").WithName("ListSales").RequireAuthorization(HubPolicies.SmeOrOperator);
        orders.MapPost("/{id}/receipt", ConfirmReceipt).WithName("ConfirmReceipt").RequireAuthorization(HubPolicies.Sme);
        orders.MapPost("/{id}/cancel", Cancel).WithName("CancelOrder").RequireAuthorization(HubPolicies.Sme);
        orders.MapPost("/{id}/dispute", Dispute).WithName("DisputeOrder").RequireAuthorization(HubPolicies.Sme);
    }

    private static async Task<Results<Created<PurchaseResponse>, Ok<PurchaseResponse>, ValidationProblem, ProblemHttpResult>> Place(
        CartRequest? cart, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, Caller caller, OrderPlacementDesk desk, IOptions<OrderOptions> options,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var errors = CartPricer.Validate(cart);
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > MaxKeyLength)
        {
            errors["Idempotency-Key"] = [$"The Idempotency-Key header is required (1 to {MaxKeyLength} characters)."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        PlacementOutcome outcome;
        try
        {
            outcome = await desk.PlaceAsync(caller.Company!.Value, idempotencyKey!, cart!, partner: null, cancellationToken);
        }
        catch (RpcException ex)
        {
            return CheckoutEndpoints.Upstream(ex);
        }

        if (outcome.Errors is { } invalid)
        {
            return TypedResults.ValidationProblem(invalid);
        }

        if (outcome.Purchase is not { } purchase)
        {
            // Each conflict has its own title; the one a repeat of the same request will settle says when to send it.
            if (outcome.Kind == PlacementConflict.KeyInUse)
            {
                response.Headers.RetryAfter = options.Value.RetryAfterSeconds().ToString(CultureInfo.InvariantCulture);
            }

            var title = outcome.Kind switch
            {
                PlacementConflict.KeyInUse => "A placement under this Idempotency-Key is under way",
                PlacementConflict.KeyReused => "The Idempotency-Key was used for another cart",
                _ => "The purchase cannot be placed",
            };
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: title, detail: outcome.Conflict);
        }

        return outcome.Replayed
            ? TypedResults.Ok(purchase.ToResponse())
            : TypedResults.Created($"/api/order/orders?purchase={purchase.Id}", purchase.ToResponse());
    }

    /// <summary>
    /// A page of the orders the caller sees, newest first: at most <c>limit</c> (50 when absent, 1 to 200, else a 400),
    /// those placed before the order <c>before</c> (the previous page's last one) when it is given.
    /// </summary>
    private static async Task<Results<Ok<List<OrderResponse>>, ValidationProblem>> List(
        Caller caller, OrderDesk desk, Guid? purchase, string? status, int? limit, string? before, CancellationToken cancellationToken)
    {
        if (Paging(status, limit, out var wanted, out var take) is { } invalid)
        {
            return invalid;
        }

        OrderMark? mark = null;
        if (!string.IsNullOrEmpty(before) && (mark = await desk.MarkAsync(before, caller, cancellationToken)) is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["before"] = [$"'{before}' is not an order you see; pass the id of the previous page's last order."],
            });
        }

        var orders = await desk.ListAsync(caller, new OrderQuery(purchase, Status: wanted, Limit: take, Before: mark), cancellationToken);
        return TypedResults.Ok(orders.Select(o => o.ToResponse(withTimeline: false)).ToList());
    }

    // A list's state filter and page size, or the problem naming what is wrong with them.
    private static ValidationProblem? Paging(string? status, int? limit, out OrderStatus? wanted, out int take)
    {
        var errors = new Dictionary<string, string[]>();
        if (!OrderDesk.TryParseStatus(status, out wanted))
        {
            errors["status"] = [OrderDesk.StatusRule];
        }

        if (!RequestValues.TryPageSize(limit, OrderQuery.DefaultPageSize, OrderQuery.MaxPageSize, out take))
        {
            errors["limit"] = [RequestValues.PageSizeRule(OrderQuery.MaxPageSize)];
        }

        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : null;
    }

    // An order of another hub (its id names the hub) is read from that hub, which shows this hub the orders of its
    // suppliers: an SME sees it if its company supplies (or buys) it, an operator sees what the hub may see.
    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Get(
        string id, Caller caller, ServiceIdentity identity, OrderDesk desk, PartnerOrders partners, CancellationToken cancellationToken)
    {
        // Well-formed: the group's filter checked it.
        var orderId = OrderId.Parse(id);
        if (orderId.Hub == identity.Hub)
        {
            return await desk.FindAsync(id, caller, cancellationToken) is { } order ? TypedResults.Ok(order.ToResponse(withTimeline: true)) : NotFound(id);
        }

        OrderView? remote;
        try
        {
            remote = await partners.GetAsync(orderId, cancellationToken);
        }
        catch (RpcException ex)
        {
            return PartnerUnanswered(orderId.Hub, ex);
        }

        var company = caller.Company?.ToString();
        return remote is not null && (caller.IsOperator || remote.SupplierCompany == company || remote.BuyerCompany == company)
            ? TypedResults.Ok(remote.ToResponse())
            : NotFound(id);
    }

    // The supplier's orders at this hub and at every partner hub, newest first (for an operator, those of every
    // supplier of this hub), a page of `limit` at a time: `cursor` is the previous page's nextCursor. A partner that
    // does not answer in time is named, not waited for (its orders of this page are not fetched again).
    private static async Task<Results<Ok<SalesResponse>, ValidationProblem>> Sales(
        Caller caller, ServiceIdentity identity, OrderDesk desk, PartnerOrders partners, string? status, int? limit, string? cursor,
        CancellationToken cancellationToken)
    {
        if (Paging(status, limit, out var wanted, out var take) is { } invalid)
        {
            return invalid;
        }

        if (!OrderMark.TryDecode(cursor, out var before))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["cursor"] = ["Not a cursor of this list; pass back the nextCursor of the previous page."],
            });
        }

        var supplier = caller.Company;
        var remote = partners.ListSuppliedAsync(supplier, wanted, take, before, cancellationToken);
        var here = supplier is { } company
            ? new OrderQuery(SupplierCompany: company.ToString(), Status: wanted, Limit: take, Before: before)
            : new OrderQuery(SupplierHub: identity.Hub, Status: wanted, Limit: take, Before: before);
        var local = await desk.ListAsync(caller, here, cancellationToken);
        var elsewhere = await remote;
        // Each hub gave its newest `take` before the cursor, so the newest `take` of them all are the page.
        var orders = local.Select(o => o.ToResponse(withTimeline: false)).Concat(elsewhere.Orders.Select(o => o.ToResponse()))
            .OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.OrderId, StringComparer.Ordinal).Take(take).ToList();
        var next = orders.Count == take ? new OrderMark(orders[^1].PlacedAt, orders[^1].OrderId).Encode() : null;
        return TypedResults.Ok(new SalesResponse(orders, [.. elsewhere.Unanswered.Select(h => h.ToString())], next));
    }

    private static Task<Results<Ok<OrderResponse>, ProblemHttpResult>> ConfirmReceipt(string id, Caller caller, OrderDesk desk, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => desk.ConfirmReceiptAsync(id, caller, cancellationToken));

    private static Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Cancel(string id, Caller caller, OrderDesk desk, CancellationToken cancellationToken) =>
        ChangeAsync(id, () => desk.CancelAsync(id, caller, cancellationToken));

    private static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> Dispute(
        string id, DisputeRequest? request, Caller caller, OrderDesk desk, CancellationToken cancellationToken)
    {
        if (OrderDesk.DisputeReason(request?.Reason) is not { } reason)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["reason"] = [OrderDesk.DisputeReasonRule] });
        }

        var changed = await ChangeAsync(id, () => desk.DisputeAsync(id, caller, reason, cancellationToken));
        return changed.Result is Ok<OrderResponse> ok ? ok : (ProblemHttpResult)changed.Result;
    }

    // Only the buyer changes its order; losing to another writer answers 409.
    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> ChangeAsync(string id, Func<Task<OrderChange>> change)
    {
        OrderChange outcome;
        try
        {
            outcome = await change();
        }
        catch (RpcException ex)
        {
            return CheckoutEndpoints.Upstream(ex);
        }

        return outcome switch
        {
            { Order: { } order } => TypedResults.Ok(order.ToResponse(withTimeline: true)),
            { Found: false } => NotFound(id),
            { Rule: { } rule } => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The order cannot do that now", detail: rule),
            _ => TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The order changed meanwhile", detail: "Read the order again and retry."),
        };
    }

    private static ProblemHttpResult PartnerUnanswered(HubId hub, RpcException ex) =>
        TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: $"Hub {hub} did not answer", detail: ex.Status.Detail);

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found", detail: $"There is no order {id} you can see.");
}
