namespace Hub.Catalog;

internal static partial class CatalogLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Stock reservation of order {OrderId} rejected: {Reason}")]
    public static partial void ReservationRejected(ILogger logger, string orderId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Product {ProductId} created by supplier {SupplierId}")]
    public static partial void ProductCreated(ILogger logger, string productId, string supplierId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Product {ProductId} has price version {Version}")]
    public static partial void PriceChanged(ILogger logger, string productId, int version);
}
