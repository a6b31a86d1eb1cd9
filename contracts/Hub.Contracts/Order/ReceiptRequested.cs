namespace Hub.Contracts.Order;

/// <summary>An order's goods were delivered: the buyer is asked to confirm receipt before the given time, after which it is confirmed automatically.</summary>
/// <param name="OrderId">The hub-qualified order id.</param>
/// <param name="BuyerCompany">The buying company.</param>
/// <param name="ConfirmBy">When receipt is confirmed automatically (UTC).</param>
public sealed record ReceiptRequested(string OrderId, string BuyerCompany, DateTime ConfirmBy);
