namespace Hub.Order.Consumers;

/// <summary>
/// The order process's note to itself that an order's funds are secured and its export is to be declared at the
/// supplier's hub: sent to its own queue in the transaction that records the payment, so the payment stands whether or
/// not the supplier's hub answers, and the declaration is retried and redelivered on its own until it does.
/// </summary>
/// <param name="OrderId">The order.</param>
public sealed record ExportDeclarationDue(string OrderId);
