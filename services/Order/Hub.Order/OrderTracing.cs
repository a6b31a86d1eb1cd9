using System.Diagnostics;

namespace Hub.Order;

/// <summary>
/// Marks the current span with the order it works on, so a trace UI finds an order's traces by the <c>order.id</c>
/// tag (the operator console links to that search).
/// </summary>
internal static class OrderTracing
{
    public const string OrderIdTag = "order.id";

    public static void Tag(string orderId) => Activity.Current?.SetTag(OrderIdTag, orderId);
}
