using Hub.Contracts.Values;

namespace Hub.Payment.Consumers;

/// <summary>
/// What a partner hub may say about one of this hub's suppliers (a settlement, a claw-back): only of an order the
/// sending hub owns, sent through the gateway by that hub as it names itself.
/// </summary>
internal static class PartnerSupplierMessage
{
    /// <param name="sender">The hub the gateway received the message from; null for this hub's own bus.</param>
    /// <param name="fromHub">The hub the message names as its sender.</param>
    /// <param name="supplierCompany">The supplier the message is about.</param>
    /// <param name="orderId">The order the message is about.</param>
    /// <param name="self">This hub.</param>
    public static bool IsGenuine(string? sender, string fromHub, string supplierCompany, string orderId, HubId self) =>
        sender is not null && sender == fromHub
        && CompanyId.TryParse(supplierCompany, out var supplier) && supplier.Hub == self
        && OrderId.TryParse(orderId, out var order) && order.Hub.ToString() == sender;
}
