using Grpc.Core;
using Hub.Order.Application;
using Hub.Order.Data;
using Hub.Order.Domain;
using Hub.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Hub.Order.Endpoints;

/// <summary>Placing, following, confirming, cancelling and disputing orders. An SME sees only orders its company buys or supplies.</summary>
internal static class OrderEndpoints
{
    private const int MaxKeyLength = 200;
    private const int MaxReasonLength = 1_000;

    public static void MapOrdersEndpoints(this IEndpointRouteBuilder routes)
    {
        var orders = routes.MapGroup("/api/order/orders").WithTags("Orders");
        orders.MapPost("/", Place).WithName("PlaceOrder").RequireAuthorization(HubPolicies.Sme);
        orders.MapGet("/", List).WithName("ListOrders").RequireAuthorization(HubPolicies.SmeOrOperator);
        orders.MapGet("/{id}", Get).WithName("GetOrder").RequireAuthorization(HubPolicies.SmeOrOperator);
        orders.MapPost("/{id}/receipt", ConfirmReceipt).WithName("ConfirmReceipt").RequireAuthorization(HubPolicies.Sme);
        orders.MapPost("/{id}/cancel", Cancel).WithName("CancelOrder").RequireAuthorization(HubPolicies.Sme);
        orders.MapPost("/{id}/dispute", Dispute).WithName("DisputeOrder").RequireAuthorization(HubPolicies.Sme);
    }

    private static async Task<Results<Created<PurchaseResponse>, Ok<PurchaseResponse>, ValidationProblem, ProblemHttpResult>> Place(
        CartRequest? cart, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, Caller caller, OrderPlacementDesk desk, CancellationToken cancellationToken)
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
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The purchase cannot be placed", detail: outcome.Conflict);
        }

        return outcome.Replayed
            ? TypedResults.Ok(purchase.ToResponse())
            : TypedResults.Created($"/api/order/orders?purchase={purchase.Id}", purchase.ToResponse());
    }

    private static async Task<Ok<List<OrderResponse>>> List(
        Caller caller, OrderDbContext db, Guid? purchase, string? status, int? limit, CancellationToken cancellationToken)
    {
        var query = Visible(db.Orders.AsNoTracking(), caller);
        if (purchase is { } purchaseId)
        {
            query = query.Where(o => o.PurchaseId == purchaseId);
        }

        if (Enum.TryParse<OrderStatus>(status, ignoreCase: true, out var wanted))
        {
            query = query.Where(o => o.Status == wanted);
        }

        var orders = await query.Include(o => o.Lines).OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id)
            .Take(Math.Clamp(limit ?? 50, 1, 200)).AsSplitQuery().ToListAsync(cancellationToken);
        return TypedResults.Ok(orders.Select(o => o.ToResponse(withTimeline: false)).ToList());
    }

    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Get(string id, Caller caller, OrderDbContext db, CancellationToken cancellationToken) =>
        await Visible(db.Orders.AsNoTracking(), caller).Include(o => o.Lines).Include(o => o.Timeline).AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id, cancellationToken) is { } order
            ? TypedResults.Ok(order.ToResponse(withTimeline: true))
            : NotFound(id);

    private static Task<Results<Ok<OrderResponse>, ProblemHttpResult>> ConfirmReceipt(
        string id, Caller caller, OrderDbContext db, OrderProcess process, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, cancellationToken, order => process.ConfirmReceiptAsync(order, automatic: false, $"receipt confirmed by {caller.Subject}", cancellationToken));

    private static Task<Results<Ok<OrderResponse>, ProblemHttpResult>> Cancel(
        string id, Caller caller, OrderDbContext db, OrderProcess process, CancellationToken cancellationToken) =>
        ChangeAsync(id, caller, db, cancellationToken, order => process.CancelAsync(order, caller.Subject, $"cancelled by {caller.Subject}", cancellationToken));

    // The buyer disputes a delivered order; the escrow stays frozen until an operator decides.
    private static async Task<Results<Ok<OrderResponse>, ValidationProblem, ProblemHttpResult>> Dispute(
        string id, DisputeRequest? request, Caller caller, OrderDbContext db, OrderProcess process, CancellationToken cancellationToken)
    {
        var reason = request?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > MaxReasonLength)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reason"] = [$"A dispute needs a reason of 1 to {MaxReasonLength:N0} characters."],
            });
        }

        var changed = await ChangeAsync(id, caller, db, cancellationToken, order => process.DisputeAsync(order, reason, $"disputed by {caller.Subject}", cancellationToken));
        return changed.Result is Ok<OrderResponse> ok ? ok : (ProblemHttpResult)changed.Result;
    }

    // Only the buyer changes its order, under the order's row lock: every writer of an order (its events, the sweeper,
    // these requests) takes that lock first, so the change is made on the order as the previous writer left it. The
    // row version still guards it; losing on it answers 409.
    private static async Task<Results<Ok<OrderResponse>, ProblemHttpResult>> ChangeAsync(
        string id, Caller caller, OrderDbContext db, CancellationToken cancellationToken, Func<TradeOrder, Task> change)
    {
        var buyer = caller.Company?.ToString();
        OrderTracing.Tag(id);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockOrderAsync(id, cancellationToken);
        var order = await db.Orders.Include(o => o.Lines).Include(o => o.Timeline).AsSplitQuery()
            .SingleOrDefaultAsync(o => o.Id == id && o.BuyerCompany == buyer, cancellationToken);
        if (order is null)
        {
            return NotFound(id);
        }

        try
        {
            await change(order);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return TypedResults.Ok(order.ToResponse(withTimeline: true));
        }
        catch (OrderRuleException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The order cannot do that now", detail: ex.Message);
        }
        catch (DbUpdateException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The order changed meanwhile", detail: "Read the order again and retry.");
        }
        catch (RpcException ex)
        {
            return CheckoutEndpoints.Upstream(ex);
        }
    }

    private static IQueryable<TradeOrder> Visible(IQueryable<TradeOrder> orders, Caller caller)
    {
        if (caller.IsOperator)
        {
            return orders;
        }

        var company = caller.Company?.ToString() ?? string.Empty;
        return orders.Where(o => o.BuyerCompany == company || o.SupplierCompany == company);
    }

    private static ProblemHttpResult NotFound(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Order not found", detail: $"There is no order {id} you can see.");
}
