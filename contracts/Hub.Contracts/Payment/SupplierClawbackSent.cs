using Hub.Contracts.Platform;

namespace Hub.Contracts.Payment;

/// <summary>
/// The buyer's hub refunded its buyer after an order's escrow was released to a supplier of another hub (a dispute
/// decided within the protection window) and claws the supplier's share of it back: sent to the supplier's hub, which
/// charges the supplier's wallet there against what the buyer's hub no longer owes it. Amounts are integer minor units
/// of the named currency (the supplier's).
/// </summary>
/// <param name="OrderId">The order, e.g. <c>CN-O-000123</c>.</param>
/// <param name="SupplierCompany">The company charged, e.g. <c>KR-C-000002</c>.</param>
/// <param name="AmountMinorUnits">The supplier's share of the refund after the platform fee, in minor units of <paramref name="Currency"/>.</param>
/// <param name="Currency">The supplier's currency.</param>
/// <param name="FromHub">The buyer's hub, which is owed the amount back.</param>
/// <param name="PostingId">The buyer's hub's posting that refunded the buyer and charged the partner hub's account.</param>
/// <param name="SentAt">When the refund committed (UTC).</param>
[CrossesHubs]
public sealed record SupplierClawbackSent(
    string OrderId,
    string SupplierCompany,
    long AmountMinorUnits,
    string Currency,
    string FromHub,
    Guid PostingId,
    DateTime SentAt);
