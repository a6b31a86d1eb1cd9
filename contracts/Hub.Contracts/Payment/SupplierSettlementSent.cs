using Hub.Contracts.Platform;

namespace Hub.Contracts.Payment;

/// <summary>
/// The buyer's hub released an order's escrow for a supplier of another hub and owes that hub the supplier's share:
/// sent to the supplier's hub, which credits the supplier's wallet there. Amounts are integer minor units of the named
/// currency (the supplier's).
/// </summary>
/// <param name="OrderId">The order, e.g. <c>CN-O-000123</c>.</param>
/// <param name="SupplierCompany">The company to credit, e.g. <c>KR-C-000002</c>.</param>
/// <param name="AmountMinorUnits">The supplier's share after the platform fee, in minor units of <paramref name="Currency"/>.</param>
/// <param name="Currency">The supplier's currency.</param>
/// <param name="FromHub">The buyer's hub, which owes the amount.</param>
/// <param name="PostingId">The buyer's hub's posting that moved the share to the partner hub's account.</param>
/// <param name="SentAt">When the release committed (UTC).</param>
[CrossesHubs]
public sealed record SupplierSettlementSent(
    string OrderId,
    string SupplierCompany,
    long AmountMinorUnits,
    string Currency,
    string FromHub,
    Guid PostingId,
    DateTime SentAt);
