using Grpc.Core;
using Hub.Contracts.Values;
using Hub.Order.Application;
using Hub.Order.Endpoints;
using Hub.Order.V1;

namespace Hub.Order.Grpc;

/// <summary>PlaceOrder over gRPC, for partner hubs: the same placement as the REST endpoint, refusals as status codes.</summary>
internal sealed class OrderPlacementGrpcService(OrderPlacementDesk desk) : OrderPlacement.OrderPlacementBase
{
    public override async Task<PlaceOrderReply> PlaceOrder(PlaceOrderRequest request, ServerCallContext context)
    {
        var cart = new CartRequest(request.Incoterm, request.NamedPlace, request.Mode,
            [.. request.Lines.Select(l => new CartLineRequest(l.ProductId, l.Quantity, l.SupplierCompany.Length == 0 ? null : l.SupplierCompany))]);
        var errors = CartPricer.Validate(cart);
        if (!CompanyId.TryParse(request.BuyerCompany, out var buyer))
        {
            errors["buyer_company"] = ["Expected a company id such as KR-C-000123."];
        }

        if (string.IsNullOrWhiteSpace(request.IdempotencyKey) || request.IdempotencyKey.Length > 200)
        {
            errors["idempotency_key"] = ["An idempotency key of 1 to 200 characters is required."];
        }

        if (errors.Count > 0)
        {
            throw Invalid(errors);
        }

        var outcome = await desk.PlaceAsync(buyer, request.IdempotencyKey, cart, context.CancellationToken);
        if (outcome.Errors is { } invalid)
        {
            throw Invalid(invalid);
        }

        if (outcome.Purchase is not { } purchase)
        {
            var code = outcome.Conflict == PlacementOutcome.KeyReused().Conflict ? StatusCode.AlreadyExists : StatusCode.FailedPrecondition;
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

    private static RpcException Invalid(Dictionary<string, string[]> errors) =>
        new(new Status(StatusCode.InvalidArgument, string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}"))));
}
