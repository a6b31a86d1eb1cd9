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

    [LoggerMessage(Level = LogLevel.Warning, Message = "The export declaration of order {OrderId} did not go through again; the sweeper tries again later")]
    public static partial void ExportRetryFailed(ILogger logger, Exception exception, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Releasing the reservation of order {OrderId} of a placement that did not save it failed; the sweeper tries again")]
    public static partial void ReleaseFailed(ILogger logger, Exception exception, string orderId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Gave back the stock reserved at {SupplierHub} for order {OrderId}, asked at {AskedAt:O} by a placement that never saved it")]
    public static partial void AbandonedReservationReleased(ILogger logger, string orderId, string supplierHub, DateTime askedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forget the pending reservations of orders {OrderIds}; the sweeper releases them again")]
    public static partial void ForgetPendingFailed(ILogger logger, Exception exception, string orderIds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Idempotency-Key {Key} of {Buyer} could not be given back after a placement that saved nothing; it is taken over once abandoned")]
    public static partial void PlacementKeyNotReleased(ILogger logger, Exception exception, string buyer, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Idempotency-Key {Key} of {Buyer} was held by a placement that stopped (its process silent, or its claim past the grace); a repeat took it over")]
    public static partial void PlacementKeyTakenOver(ILogger logger, string buyer, string key);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Process {Instance} could not note that it runs; it tries again")]
    public static partial void InstanceBeatFailed(ILogger logger, Exception exception, Guid instance);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partner hub {Hub} did not answer for the orders of this hub's supplier")]
    public static partial void PartnerOrdersUnanswered(ILogger logger, Exception exception, string hub);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Event} for order {OrderId} from hub {Sender} refused: only the order's supplier hub tells it what it does for the order")]
    public static partial void FactFromAnotherHubRefused(ILogger logger, string @event, string orderId, string sender);
}
