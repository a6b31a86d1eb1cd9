using System.Collections.Concurrent;
using Grpc.Core;
using Hub.Order.V1;

namespace Hub.Order.Tests.Fakes;

/// <summary>A partner hub's order API as its gateway answers this hub: the orders the tests put there, by id.</summary>
internal sealed class FakePartnerOrders : OrderPlacement.OrderPlacementBase
{
    public ConcurrentDictionary<string, OrderView> Orders { get; } = new();

    /// <summary>The hub the tests' service is (the one calling here).</summary>
    public string CallerHub { get; init; } = "KR";

    public override Task<OrderView> GetOrder(OrderRequest request, ServerCallContext context) =>
        Orders.TryGetValue(request.OrderId, out var order)
            ? Task.FromResult(order)
            : throw new RpcException(new Status(StatusCode.NotFound, $"There is no order {request.OrderId} you can see or change."));

    public override Task<OrderList> ListOrders(ListOrdersRequest request, ServerCallContext context)
    {
        var list = new OrderList();
        list.Orders.AddRange(Orders.Values
            .Where(o => (request.OwnSuppliers ? o.SupplierHub == CallerHub : o.SupplierCompany == request.SupplierCompany)
                && (request.Status.Length == 0 || o.Status == request.Status)
                && (request.BeforePlacedAt is null || Before(o, request)))
            .OrderByDescending(o => o.PlacedAt.ToDateTime()).ThenByDescending(o => o.OrderId, StringComparer.Ordinal).Take(request.Limit)
            .Select(o =>
            {
                var listed = o.Clone();
                listed.Timeline.Clear();
                return listed;
            }));
        return Task.FromResult(list);
    }

    // The list runs newest first: an order before the mark was placed earlier, or at the same time with a lower id.
    private static bool Before(OrderView order, ListOrdersRequest request) =>
        order.PlacedAt < request.BeforePlacedAt
        || (order.PlacedAt == request.BeforePlacedAt && string.CompareOrdinal(order.OrderId, request.BeforeOrderId) < 0);
}
