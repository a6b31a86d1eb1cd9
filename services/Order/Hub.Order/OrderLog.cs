namespace Hub.Order;

internal static partial class OrderLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Purchase {PurchaseId} of {Buyer} placed with {Orders} order(s)")]
    public static partial void PurchasePlaced(ILogger logger, Guid purchaseId, string buyer, int orders);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} failed: {Reason}")]
    public static partial void OrderFailed(ILogger logger, string orderId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} is {Status}")]
    public static partial void OrderMoved(ILogger logger, string orderId, string status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Event} for order {OrderId} changed nothing (stale, duplicate or not ours)")]
    public static partial void EventIgnored(ILogger logger, string @event, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping overdue order {OrderId} failed; it is tried again next sweep")]
    public static partial void SweepFailed(ILogger logger, Exception exception, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the reservation of order {OrderId} after a failed placement failed")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string orderId);
}
