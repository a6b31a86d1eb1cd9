using Hub.Contracts.Values;

namespace Hub.ServiceDefaults.Messaging.Outbox;

/// <summary>
/// Facts that concern other hubs' orders. The buyer's hub owns an order, while the supplier's hub clears its export,
/// ships it and files its tax refund: what happens there is published on the local bus (for the local services) and
/// on the bus of every hub that owns one of the orders, in the same transaction.
/// </summary>
public static class OutboxRouting
{
    /// <summary>Publishes on this hub's bus and on the bus of the hub that owns <paramref name="orderId"/>, when that is another hub.</summary>
    public static void PublishForOrder<T>(this IOutbox outbox, HubId here, string orderId, T message) where T : class =>
        outbox.PublishForOrders(here, [orderId], message);

    /// <summary>Publishes on this hub's bus and once on the bus of every other hub that owns one of <paramref name="orderIds"/>.</summary>
    public static void PublishForOrders<T>(this IOutbox outbox, HubId here, IEnumerable<string> orderIds, T message) where T : class
    {
        outbox.Publish(message);
        var owners = orderIds.Select(id => OrderId.TryParse(id, out var order) ? order.Hub : here).Where(hub => hub != here).Distinct();
        foreach (var owner in owners)
        {
            outbox.PublishToHub(owner, message);
        }
    }
}
