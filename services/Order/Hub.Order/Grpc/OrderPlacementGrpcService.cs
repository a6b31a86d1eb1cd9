using Grpc.Core;
using Hub.Contracts.Values;
using Hub.Order.Application;
using Hub.Order.Endpoints;
using Hub.Order.V1;
using Hub.ServiceDefaults.Hosting;
using Hub.ServiceDefaults.Security;

namespace Hub.Order.Grpc;

/// <summary>PlaceOrder over gRPC, for partner hubs: the same placement as the REST endpoint, refusals as status codes.</summary>
/// <remarks>
/// Only partner hubs call it (<see cref="HubPolicies.PartnerHub"/>), and only for buyers of this hub: the buyer's hub
/// owns the order, imports the goods and holds the buyer's escrow. Each order names the partner on its timeline.
/// </remarks>
internal sealed class OrderPlacementGrpcService(OrderPlacementDesk desk, ServiceIdentity identity) : OrderPlacement.OrderPlacementBase
{
    public override async Task<PlaceOrderReply> PlaceOrder(PlaceOrderRequest request, ServerCallContext context)
    {
        var partner = Caller.From(context.GetHttpContext().User);
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
            throw Invalid(errors);
        }

        var outcome = await desk.PlaceAsync(buyer, request.IdempotencyKey, cart, partner.Hub, context.CancellationToken);
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
