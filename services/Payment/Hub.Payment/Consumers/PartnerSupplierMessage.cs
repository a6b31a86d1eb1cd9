using Hub.Contracts.Values;
using Hub.ServiceDefaults.Messaging.Federation;
using MassTransit;

namespace Hub.Payment.Consumers;

/// <summary>
/// What a partner hub may say about one of this hub's suppliers (a settlement, a claw-back, a bill): only of an order
/// the sending hub owns, sent through the gateway by that hub as it names itself.
/// </summary>
internal static partial class PartnerSupplierMessage
{
    /// <summary>Whether the message <paramref name="context"/> delivers is genuine; a warning names one refused.</summary>
    /// <param name="context">The delivery: through the gateway from a partner hub, or on this hub's own bus.</param>
    /// <param name="fromHub">The hub the message names as its sender.</param>
    /// <param name="supplierCompany">The supplier the message is about.</param>
    /// <param name="orderId">The order the message is about.</param>
    /// <param name="self">This hub.</param>
    /// <param name="logger">Where the warning goes.</param>
    /// <param name="what">What the message is, for the warning: "Settlement", "Claw-back", …</param>
    public static bool IsGenuine(
        ConsumeContext context, string fromHub, string supplierCompany, string orderId, HubId self, ILogger logger, string what)
    {
        var sender = FederatedMessage.SourceHubOf(context);
        if (sender is not null && sender == fromHub
            && CompanyId.TryParse(supplierCompany, out var supplier) && supplier.Hub == self
            && OrderId.TryParse(orderId, out var order) && order.Hub.ToString() == sender)
        {
            return true;
        }

        LogRefused(logger, what, orderId, fromHub, sender ?? "(this hub's bus)", supplierCompany);
        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "{What} of order {Order} refused: it claims to come from hub {FromHub} but came from {Sender}, for supplier {Supplier}")]
    private static partial void LogRefused(ILogger logger, string what, string order, string fromHub, string sender, string supplier);
}
