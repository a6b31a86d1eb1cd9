namespace Hub.Contracts.Order;

/// <summary>An order could not go on; what it held was given back (stock released, escrow refunded).</summary>
/// <param name="OrderId">The hub-qualified order id.</param>
/// <param name="BuyerCompany">The buying company.</param>
/// <param name="FailedIn">The state the order was in when it failed, e.g. <c>Placed</c>.</param>
/// <param name="Reason">Why it failed.</param>
/// <param name="FailedAt">When (UTC).</param>
public sealed record OrderFailed(string OrderId, string BuyerCompany, string FailedIn, string Reason, DateTime FailedAt);
